using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Groups;

/// <summary>
/// Time lag read from the index: now minus the timestamp of the event at a group's committed offset (the first one it
/// has not processed). Positions at or past the index's checkpoint are not yet indexed and cost no read. Otherwise the
/// timestamps of a window of the partition (up to <c>readAhead</c> offsets from the one asked, never past the
/// checkpoint) are read in one range read and kept: an event's timestamp never changes, so unchanged or nearby committed
/// offsets, and every group at a position already read, cost nothing. The windows are bounded (<c>capacity</c>
/// timestamps in all; the least recently used partitions go first). Not thread-safe: one refresh at a time.
/// </summary>
public sealed class TimeLagResolver
{
    public const int DefaultCapacity = 4_000_000;
    public const int DefaultReadAhead = 1_024;

    private readonly ICurrentIndex _index;
    private readonly int _capacity;
    private readonly int _readAhead;
    private readonly Dictionary<TopicPartitionKey, PartitionTimestamps> _windows = [];
    private IEventIndex? _cachedFor;
    private IReadOnlyDictionary<TopicPartitionKey, long>? _checkpoints;
    private long _refresh;

    public TimeLagResolver(ICurrentIndex index, int capacity = DefaultCapacity, int readAhead = DefaultReadAhead)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(readAhead, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, readAhead);
        _index = index;
        _capacity = capacity;
        _readAhead = readAhead;
    }

    /// <summary>Range reads made so far (cache misses); what refreshes really cost.</summary>
    public long IndexReads { get; private set; }

    /// <summary>Timestamps held now.</summary>
    public long CachedTimestamps => _windows.Values.Sum(w => (long)w.Times.Length);

    /// <summary>Starts a refresh: the index's checkpoints are read again, and windows beyond the capacity are dropped.</summary>
    public void StartRefresh()
    {
        _refresh++;
        _checkpoints = null;
        var held = CachedTimestamps;
        if (held <= _capacity)
        {
            return;
        }

        foreach (var (key, window) in _windows.OrderBy(w => w.Value.LastUsed).ToArray())
        {
            _windows.Remove(key);
            held -= window.Times.Length;
            if (held <= _capacity)
            {
                break;
            }
        }
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

        try
        {
            if (!ReferenceEquals(index, _cachedFor))
            {
                // Another cluster's index (or a rebuilt one): its positions mean other events.
                _windows.Clear();
                _checkpoints = null;
                _cachedFor = index;
            }

            _checkpoints ??= index.GetCheckpoints();
            var next = _checkpoints.TryGetValue(partition, out var checkpoint) ? checkpoint : 0;
            if (committedOffset >= next)
            {
                return new TimeLag(TimeLagStatus.NotYetIndexed);
            }

            var window = Window(index, partition, committedOffset, next);
            window.LastUsed = _refresh;
            var timestamp = window.At(committedOffset);
            return timestamp == PartitionTimestamps.Missing ? new TimeLag(TimeLagStatus.NoLongerIndexed) : Exact(timestamp, now);
        }
        catch (ObjectDisposedException)
        {
            // The index was archived by a cluster switch while this refresh read it; the next refresh reads the new one.
            return TimeLag.Unknown;
        }
    }

    private PartitionTimestamps Window(IEventIndex index, TopicPartitionKey partition, long offset, long checkpoint)
    {
        if (_windows.TryGetValue(partition, out var window) && window.Contains(offset))
        {
            return window;
        }

        // Read on from the asked offset; when the held window is just ahead or behind, fill the gap so they join.
        var from = offset;
        var to = Math.Min(offset + _readAhead, checkpoint) - 1;
        if (window is not null && offset >= window.End && offset - window.End < _readAhead)
        {
            from = window.End;
            to = Math.Min(offset + _readAhead, checkpoint) - 1;
        }
        else if (window is not null && offset < window.Start && window.Start - offset <= _readAhead)
        {
            to = window.Start - 1;
        }

        var read = Read(index, partition, from, to);
        if (window is not null && window.TryJoin(read, Math.Max(_readAhead, _capacity / 8)) && window.Contains(offset))
        {
            return window;
        }

        _windows[partition] = read;
        return read;
    }

    private PartitionTimestamps Read(IEventIndex index, TopicPartitionKey partition, long from, long to)
    {
        IndexReads++;
        var times = new long[to - from + 1];
        Array.Fill(times, PartitionTimestamps.Missing);
        var range = new EventRange
        {
            Selection = new EventSelection
            {
                Topics = [partition.Topic],
                Ranges = [new PartitionRange(partition.Topic, partition.Partition, from, to)],
            },
        };
        foreach (var envelope in index.ReadOldestFirst(range))
        {
            if (envelope.Partition == partition.Partition && envelope.Offset >= from && envelope.Offset <= to)
            {
                times[envelope.Offset - from] = envelope.TimestampMs;
            }
        }

        return new PartitionTimestamps(from, times);
    }

    private static TimeLag Exact(long timestampMs, DateTimeOffset now)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(timestampMs);
        var age = now - at;
        return new TimeLag(TimeLagStatus.Exact, age < TimeSpan.Zero ? TimeSpan.Zero : age, at);
    }
}
