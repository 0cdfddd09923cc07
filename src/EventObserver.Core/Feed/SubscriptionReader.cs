using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Feed;

/// <summary>
/// The matching events of a <see cref="FeedSubscription"/>, filtered lazily on the reader's thread: in slices of at
/// most about <see cref="Slice"/>, within the feed's shared <see cref="FilterBudget"/>, stopping at the next event
/// once the subscription is disposed or the wait is cancelled.
/// </summary>
internal sealed class SubscriptionReader(FeedSubscription source, Func<EventEnvelope, bool>? match, FilterBudget budget)
    : ChannelReader<EventEnvelope>
{
    /// <summary>Longest stretch of filtering before an asynchronous wait yields its thread.</summary>
    public static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(2);

    // Events are taken from the queue this many at a time (one lock), and the clock is read every few events.
    private const int TakeAtOnce = 64;
    private const int EventsBetweenClockReads = 4;

    // Matches found by WaitToReadAsync, handed out by TryRead (normally at most one).
    private readonly ConcurrentQueue<EventEnvelope> _ready = new();

    // Taken from the queue, not yet filtered; only touched under _filtering.
    private readonly object _filtering = new();
    private readonly EventEnvelope[] _taken = new EventEnvelope[TakeAtOnce];
    private int _takenNext;
    private int _takenCount;

    private enum Step
    {
        Found,
        Empty,
        SliceUsed,
        OverBudget,
    }

    public override Task Completion => source.Completion;

    public override bool CanCount => true;

    /// <summary>Events queued, matching or not yet filtered.</summary>
    public override int Count => _ready.Count + Math.Max(0, Volatile.Read(ref _takenCount) - Volatile.Read(ref _takenNext)) + source.Queued;

    /// <summary>The next matching event; false when none is queued, the subscription ended or the filter budget is spent.</summary>
    public override bool TryRead([MaybeNullWhen(false)] out EventEnvelope item)
    {
        if (_ready.TryDequeue(out item))
        {
            return true;
        }

        while (true)
        {
            switch (Filter(CancellationToken.None, out var found))
            {
                case Step.Found:
                    item = found!;
                    return true;
                case Step.SliceUsed:
                    continue;
                default:
                    item = null;
                    return false;
            }
        }
    }

    public override async ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_ready.IsEmpty)
            {
                return true;
            }

            switch (Filter(cancellationToken, out var item))
            {
                case Step.Found:
                    _ready.Enqueue(item!);
                    return true;
                case Step.SliceUsed:
                    await Task.Yield();
                    break;
                case Step.OverBudget:
                    await Task.Delay(budget.UntilAvailable, budget.Time, cancellationToken);
                    break;
                default:
                    if (!await source.WaitForArrivalAsync(cancellationToken))
                    {
                        return false;
                    }

                    break;
            }
        }
    }

    private Step Filter(CancellationToken cancellationToken, out EventEnvelope? found)
    {
        lock (_filtering)
        {
            found = null;
            if (match is null)
            {
                return Next(out found) ? Step.Found : Step.Empty;
            }

            if (_takenNext == _takenCount && source.Queued == 0)
            {
                return Step.Empty;
            }

            if (!budget.IsAvailable)
            {
                return Step.OverBudget;
            }

            var started = budget.Time.GetTimestamp();
            try
            {
                for (var evaluated = 1; !cancellationToken.IsCancellationRequested && Next(out var envelope); evaluated++)
                {
                    if (match(envelope))
                    {
                        found = envelope;
                        return Step.Found;
                    }

                    if (evaluated % EventsBetweenClockReads == 0 && budget.Time.GetElapsedTime(started) >= Slice)
                    {
                        return Step.SliceUsed;
                    }
                }

                return cancellationToken.IsCancellationRequested ? Step.SliceUsed : Step.Empty;
            }
            finally
            {
                budget.Charge(started);
            }
        }
    }

    /// <summary>The next unfiltered event; none once the subscription is disposed.</summary>
    private bool Next([NotNullWhen(true)] out EventEnvelope? envelope)
    {
        if (source.IsDisposed)
        {
            Array.Clear(_taken);
            _takenNext = _takenCount = 0;
            envelope = null;
            return false;
        }

        if (_takenNext == _takenCount)
        {
            Array.Clear(_taken, 0, _takenCount);
            _takenNext = 0;
            Volatile.Write(ref _takenCount, source.TryTake(_taken));
            if (_takenCount == 0)
            {
                envelope = null;
                return false;
            }
        }

        envelope = _taken[_takenNext];
        Volatile.Write(ref _takenNext, _takenNext + 1);
        return true;
    }
}
