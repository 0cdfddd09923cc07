using EventObserver.Core.Indexing;

namespace EventObserver.Core.Groups;

/// <summary>
/// Time lag read from the index: now minus the timestamp of the event at a group's committed offset (the first one it
/// has not processed). An event's timestamp never changes, so found timestamps are cached by position (bounded, two
/// generations: the older is dropped when the newer fills) and an unchanged committed offset costs no read; groups at
/// the same position share one lookup. Misses depend on what the index holds now, so they are cached for one refresh
/// only (<see cref="StartRefresh"/>). Not thread-safe: one refresh at a time (the monitor serialises them).
/// </summary>
public sealed class TimeLagResolver
{
    public const int DefaultCapacity = 200_000;

    private readonly ICurrentIndex _index;
    private readonly int _generationSize;
    private readonly Dictionary<(TopicPartitionKey, long), TimeLag> _missesThisRefresh = [];
    private Dictionary<(TopicPartitionKey, long), long> _recent = [];
    private Dictionary<(TopicPartitionKey, long), long> _older = [];
    private IEventIndex? _cachedFor;
    private IReadOnlyDictionary<TopicPartitionKey, long>? _checkpoints;

    public TimeLagResolver(ICurrentIndex index, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _index = index;
        _generationSize = capacity / 2;
    }

    /// <summary>Index reads made so far (cache misses); what a refresh really cost.</summary>
    public long IndexReads { get; private set; }

    /// <summary>Forgets what this refresh learned about positions the index does not hold (it may hold them by the next).</summary>
    public void StartRefresh()
    {
        _missesThisRefresh.Clear();
        _checkpoints = null;
    }

    public TimeLag Resolve(TopicPartitionKey partition, long committedOffset, long? logEndOffset, DateTimeOffset now)
    {
        if (logEndOffset is { } end && committedOffset >= end)
        {
            return TimeLag.CaughtUp;
        }

        if (!_index.TryGet(out var index))
        {
            return TimeLag.Unknown;
        }

        if (!ReferenceEquals(index, _cachedFor))
        {
            // Another cluster's index (or a rebuilt one): its positions mean other events.
            _recent.Clear();
            _older.Clear();
            _missesThisRefresh.Clear();
            _checkpoints = null;
            _cachedFor = index;
        }

        var position = (partition, committedOffset);
        if (TryCached(position, out var timestampMs))
        {
            return Exact(timestampMs, now);
        }

        if (_missesThisRefresh.TryGetValue(position, out var miss))
        {
            return miss;
        }

        try
        {
            IndexReads++;
            var found = index.Get(partition.Topic, partition.Partition, committedOffset);
            if (found is not null)
            {
                Remember(position, found.TimestampMs);
                return Exact(found.TimestampMs, now);
            }

            _checkpoints ??= index.GetCheckpoints();
            var next = _checkpoints.TryGetValue(partition, out var checkpoint) ? checkpoint : 0;
            var status = committedOffset >= next ? new TimeLag(TimeLagStatus.NotYetIndexed) : new TimeLag(TimeLagStatus.NoLongerIndexed);
            _missesThisRefresh[position] = status;
            return status;
        }
        catch (ObjectDisposedException)
        {
            // The index was archived by a cluster switch while this refresh read it; the next refresh reads the new one.
            return TimeLag.Unknown;
        }
    }

    private static TimeLag Exact(long timestampMs, DateTimeOffset now)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(timestampMs);
        var age = now - at;
        return new TimeLag(TimeLagStatus.Exact, age < TimeSpan.Zero ? TimeSpan.Zero : age, at);
    }

    private bool TryCached((TopicPartitionKey, long) position, out long timestampMs)
    {
        if (_recent.TryGetValue(position, out timestampMs))
        {
            return true;
        }

        if (_older.TryGetValue(position, out timestampMs))
        {
            Remember(position, timestampMs);
            return true;
        }

        return false;
    }

    private void Remember((TopicPartitionKey, long) position, long timestampMs)
    {
        if (_recent.Count >= _generationSize)
        {
            (_older, _recent) = (_recent, _older);
            _recent.Clear();
        }

        _recent[position] = timestampMs;
    }
}
