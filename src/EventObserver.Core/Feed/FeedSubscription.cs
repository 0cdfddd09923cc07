using System.Threading.Channels;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Metrics;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Feed;

/// <summary>
/// One subscriber of a <see cref="LiveFeed"/>: a bounded, drop-oldest queue of the published batches (shared
/// arrays, not copies) that its <see cref="Reader"/> filters on the subscriber's side. Publishing only appends a
/// reference, so a subscriber's filter, however slow, never runs on the publishing (ingestion) thread.
/// </summary>
internal sealed class FeedSubscription : IFeedSubscription
{
    private readonly object _lock = new();
    private readonly Queue<EventEnvelope[]> _batches = new();
    private readonly int _capacity;
    private readonly Action<FeedSubscription> _remove;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<bool>? _arrival;
    private int _head;
    private int _count;
    private long _dropped;
    private bool _disposed;

    public FeedSubscription(EventSelection filter, Func<EventEnvelope, bool>? match, int capacity, FilterBudget budget, Action<FeedSubscription> remove)
    {
        Filter = filter;
        _capacity = capacity;
        _remove = remove;
        Reader = new SubscriptionReader(this, match, budget);
    }

    public EventSelection Filter { get; }

    public ChannelReader<EventEnvelope> Reader { get; }

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events queued and not yet filtered.</summary>
    internal int Queued => Volatile.Read(ref _count);

    internal bool IsDisposed => Volatile.Read(ref _disposed);

    internal Task Completion => _completion.Task;

    /// <summary>Queues the whole batch; past the capacity the oldest queued events are dropped and counted. Never waits.</summary>
    internal void Enqueue(EventEnvelope[] batch)
    {
        TaskCompletionSource<bool>? arrival;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _batches.Enqueue(batch);
            _count += batch.Length;
            if (_count > _capacity)
            {
                DropOldest(_count - _capacity);
            }

            arrival = _arrival;
            _arrival = null;
        }

        // Continuations run asynchronously (see WaitForArrivalAsync): the reader's filtering never runs here.
        arrival?.TrySetResult(true);
    }

    /// <summary>Moves up to <paramref name="into"/>'s length of the oldest queued events, unfiltered, into it; returns how many.</summary>
    internal int TryTake(Span<EventEnvelope> into)
    {
        lock (_lock)
        {
            var taken = 0;
            while (taken < into.Length && _count > 0)
            {
                var head = _batches.Peek();
                var run = head.AsSpan(_head, Math.Min(head.Length - _head, into.Length - taken));
                run.CopyTo(into[taken..]);
                taken += run.Length;
                _head += run.Length;
                _count -= run.Length;
                if (_head == head.Length)
                {
                    _batches.Dequeue();
                    _head = 0;
                }
            }

            return taken;
        }
    }

    /// <summary>True once an event is queued, false once disposed.</summary>
    internal Task<bool> WaitForArrivalAsync(CancellationToken cancellationToken)
    {
        Task<bool> arrival;
        lock (_lock)
        {
            if (_disposed)
            {
                return Task.FromResult(false);
            }

            if (_count > 0)
            {
                return Task.FromResult(true);
            }

            _arrival ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            arrival = _arrival.Task;
        }

        return arrival.WaitAsync(cancellationToken);
    }

    /// <summary>Leaves the feed at once: queued events are released and a reader stops at its next event.</summary>
    public void Dispose()
    {
        TaskCompletionSource<bool>? arrival;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            Volatile.Write(ref _disposed, true);
            _batches.Clear();
            _count = 0;
            _head = 0;
            arrival = _arrival;
            _arrival = null;
        }

        _remove(this);
        arrival?.TrySetResult(false);
        _completion.TrySetResult();
    }

    private void DropOldest(int excess)
    {
        Interlocked.Add(ref _dropped, excess);
        FeedDrops.Record(excess, FeedDrops.QueueFull);
        _count -= excess;
        while (excess > 0)
        {
            var head = _batches.Peek();
            var skipped = Math.Min(head.Length - _head, excess);
            _head += skipped;
            excess -= skipped;
            if (_head == head.Length)
            {
                _batches.Dequeue();
                _head = 0;
            }
        }
    }
}
