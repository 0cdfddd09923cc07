using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Feed;

/// <summary>
/// The in-process live feed: a ring of the most recent events (bounded by count and bytes, see
/// <see cref="LiveFeedOptions"/>) and a set of subscriptions, each with its own bounded drop-oldest queue.
/// Thread-safe. <see cref="Publish"/> costs O(batch + subscriptions) and never waits for a subscriber: it hands
/// each subscription a reference to the batch; filters are evaluated by the subscribers' readers, within a shared
/// budget (<see cref="LiveFeedOptions.FilterCoreShare"/>).
/// </summary>
public sealed class LiveFeed : ILiveFeed
{
    /// <summary>Bytes counted per event on top of its payload, key and headers (object headers, strings, ids).</summary>
    public const int EnvelopeOverheadBytes = 512;

    private readonly object _publishLock = new();
    private readonly object _ringLock = new();
    private readonly EventEnvelope?[] _ring;
    private readonly long[] _sizes;
    private readonly long _maxBytes;
    private readonly FilterBudget _budget;
    private int _next;
    private int _count;
    private long _bytes;
    private long _totalPublished;

    // Copy-on-write: Publish reads the array without a lock; Subscribe/Dispose replace it under the lock.
    private readonly object _subscriptionsLock = new();
    private FeedSubscription[] _subscriptions = [];

    public LiveFeed()
        : this(new LiveFeedOptions())
    {
    }

    public LiveFeed(LiveFeedOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>
    /// <paramref name="time"/> measures and paces filter evaluation (tests pass a fake one). The app uses the real clock
    /// even under a fake <see cref="TimeProvider"/>: the budget is about real CPU time.
    /// </summary>
    internal LiveFeed(LiveFeedOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1, nameof(options.Capacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBytes, 1, nameof(options.MaxBytes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.FilterCoreShare, nameof(options.FilterCoreShare));
        _ring = new EventEnvelope?[options.Capacity];
        _sizes = new long[options.Capacity];
        _maxBytes = options.MaxBytes;
        _budget = new FilterBudget(options.FilterCoreShare, time);
    }

    public long TotalPublished => Interlocked.Read(ref _totalPublished);

    /// <summary>Events currently held by the ring.</summary>
    public int RecentCount
    {
        get
        {
            lock (_ringLock)
            {
                return _count;
            }
        }
    }

    /// <summary>Estimated bytes currently held by the ring.</summary>
    public long RecentBytes
    {
        get
        {
            lock (_ringLock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Live subscriptions.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    public void Publish(IReadOnlyList<EventEnvelope> batch)
    {
        if (batch is null || batch.Count == 0)
        {
            return;
        }

        // One copy, shared by every subscription (the caller may reuse its list); no filter runs here.
        var events = new EventEnvelope[batch.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = batch[i];
        }

        // One publisher at a time, so every subscriber sees batches in the order they were published.
        lock (_publishLock)
        {
            lock (_ringLock)
            {
                foreach (var envelope in events)
                {
                    Append(envelope);
                }

                Interlocked.Add(ref _totalPublished, events.Length);
            }

            foreach (var subscription in Volatile.Read(ref _subscriptions))
            {
                subscription.Enqueue(events);
            }
        }
    }

    public IReadOnlyList<EventEnvelope> Recent(EventSelection filter, int max)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (max <= 0)
        {
            return [];
        }

        // Copy the references under the lock, match outside it: a free-text scan must not hold up Publish.
        var snapshot = Snapshot();
        var result = new List<EventEnvelope>(Math.Min(max, snapshot.Length));
        var everything = filter.IsEmpty;
        for (var i = snapshot.Length - 1; i >= 0 && result.Count < max; i--)
        {
            if (everything || filter.Matches(snapshot[i]))
            {
                result.Add(snapshot[i]);
            }
        }

        return result;
    }

    public IFeedSubscription Subscribe(EventSelection filter, int capacity = 10_000)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Subscribe(filter, filter.IsEmpty ? null : filter.Matches, capacity);
    }

    /// <summary>A subscription whose reader selects events with <paramref name="match"/> (null: every event).</summary>
    internal IFeedSubscription Subscribe(EventSelection filter, Func<EventEnvelope, bool>? match, int capacity)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new FeedSubscription(filter, match, capacity, _budget, Remove);
        lock (_subscriptionsLock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    /// <summary>The bytes an envelope is counted for in the ring's byte bound.</summary>
    public static long EstimateBytes(EventEnvelope envelope)
    {
        long bytes = EnvelopeOverheadBytes + (envelope.Payload?.Length ?? 0) + (envelope.KeyBytes?.Length ?? 0)
            + 2L * ((envelope.Key?.Length ?? 0) + envelope.Topic.Length + envelope.MessageId.Length
                + (envelope.MessageType?.Length ?? 0) + (envelope.CorrelationId?.Length ?? 0)
                + (envelope.CausationId?.Length ?? 0) + (envelope.Source?.Length ?? 0));
        foreach (var header in envelope.Headers)
        {
            bytes += 64 + (2L * header.Key.Length) + (header.Value?.Length ?? 0);
        }

        return bytes;
    }

    private void Append(EventEnvelope envelope)
    {
        var size = EstimateBytes(envelope);
        if (_count == _ring.Length)
        {
            RemoveOldest();
        }

        _ring[_next] = envelope;
        _sizes[_next] = size;
        _next = (_next + 1) % _ring.Length;
        _count++;
        _bytes += size;
        while (_bytes > _maxBytes && _count > 1)
        {
            RemoveOldest();
        }
    }

    private void RemoveOldest()
    {
        var oldest = (_next - _count + _ring.Length) % _ring.Length;
        _bytes -= _sizes[oldest];
        _ring[oldest] = null;
        _sizes[oldest] = 0;
        _count--;
    }

    /// <summary>The ring's events, oldest first.</summary>
    private EventEnvelope[] Snapshot()
    {
        lock (_ringLock)
        {
            var snapshot = new EventEnvelope[_count];
            var start = (_next - _count + _ring.Length) % _ring.Length;
            for (var i = 0; i < _count; i++)
            {
                snapshot[i] = _ring[(start + i) % _ring.Length]!;
            }

            return snapshot;
        }
    }

    private void Remove(FeedSubscription subscription)
    {
        lock (_subscriptionsLock)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }
}
