using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Features.Feed;

/// <summary>
/// Matching events per second per topic over the last <see cref="Seconds"/> seconds, bucketed by the events' own
/// timestamps, for the timeline. A new filter <see cref="Restart"/>s it: live events are then held until the index's
/// counts for the window arrive (<see cref="Seed"/>), so history before the tab opened is counted from the index and
/// every later event once, whether it came from the ring buffer, the subscription or both (a per-partition high-water
/// mark of counted offsets, started at the index read's end offsets). Thread-safe (fed by the feed pump and the
/// index read, read by the render thread).
/// </summary>
public sealed class SecondCounter
{
    public const int DefaultSeconds = 300;

    /// <summary>Live events held while the index is counted; beyond this (a read slower than a burst) they are not counted.</summary>
    public const int MaxHeld = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long[]> _byTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<TopicPartitionKey, long> _nextUncounted = [];
    private readonly long[] _seconds;
    private List<EventEnvelope>? _held;
    private int _epoch;

    public SecondCounter(int seconds = DefaultSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        Seconds = seconds;
        _seconds = new long[seconds];
        Array.Fill(_seconds, long.MinValue);
    }

    public int Seconds { get; }

    /// <summary>True between <see cref="Restart"/> and <see cref="Seed"/>: the index is being counted.</summary>
    public bool Counting
    {
        get
        {
            lock (_gate)
            {
                return _held is not null;
            }
        }
    }

    /// <summary>Forgets every count and holds live events until <see cref="Seed"/> with the returned epoch.</summary>
    public int Restart()
    {
        lock (_gate)
        {
            ClearCounts();
            _held = [];
            return ++_epoch;
        }
    }

    /// <summary>
    /// Adds the index's counts for the window, then the held live events the index had not counted. False (and
    /// nothing changed) when the counter was restarted since <paramref name="epoch"/>.
    /// </summary>
    public bool Seed(int epoch, TimelineCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        lock (_gate)
        {
            if (epoch != _epoch || _held is null)
            {
                return false;
            }

            var first = counts.Start.ToUnixTimeSeconds();
            foreach (var (topic, perSecond) in counts.ByTopic)
            {
                for (var s = 0; s < perSecond.Length; s++)
                {
                    if (perSecond[s] > 0)
                    {
                        Add(topic, first + s, perSecond[s]);
                    }
                }
            }

            foreach (var (key, next) in counts.EndOffsets)
            {
                _nextUncounted[key] = next;
            }

            var held = _held;
            _held = null;
            foreach (var e in held)
            {
                Count(e);
            }

            return true;
        }
    }

    /// <summary>Counts each event once (events of one partition in offset order, as the feed delivers them).</summary>
    public void Record(IEnumerable<EventEnvelope> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            foreach (var e in events)
            {
                if (_held is null)
                {
                    Count(e);
                }
                else if (_held.Count < MaxHeld)
                {
                    _held.Add(e);
                }
            }
        }
    }

    /// <summary>The window ending with the second before <paramref name="now"/> (the running second is incomplete).</summary>
    public TimelineSnapshot Snapshot(DateTimeOffset now)
    {
        var last = now.ToUnixTimeSeconds() - 1;
        var first = last - Seconds + 1;
        lock (_gate)
        {
            var series = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
            foreach (var (topic, counts) in _byTopic)
            {
                var values = new double[Seconds];
                var any = false;
                for (var s = first; s <= last; s++)
                {
                    var slot = Slot(s);
                    if (_seconds[slot] == s && counts[slot] > 0)
                    {
                        values[s - first] = counts[slot];
                        any = true;
                    }
                }

                if (any)
                {
                    series[topic] = values;
                }
            }

            return new TimelineSnapshot(DateTimeOffset.FromUnixTimeSeconds(first), Seconds, series);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            ClearCounts();
        }
    }

    private void ClearCounts()
    {
        _byTopic.Clear();
        _nextUncounted.Clear();
        Array.Fill(_seconds, long.MinValue);
    }

    private void Count(EventEnvelope e)
    {
        var key = new TopicPartitionKey(e.Topic, e.Partition);
        if (_nextUncounted.TryGetValue(key, out var next) && e.Offset < next)
        {
            return; // counted already: by the index read, or from the ring buffer and again from the subscription
        }

        _nextUncounted[key] = e.Offset + 1;
        Add(e.Topic, Math.DivRem(e.TimestampMs, 1000L, out var rem) - (rem < 0 ? 1 : 0), 1);
    }

    private void Add(string topic, long second, long count)
    {
        var slot = Slot(second);
        if (_seconds[slot] > second)
        {
            return; // older than the window
        }

        if (_seconds[slot] != second)
        {
            _seconds[slot] = second;
            foreach (var counts in _byTopic.Values)
            {
                counts[slot] = 0;
            }
        }

        if (!_byTopic.TryGetValue(topic, out var topicCounts))
        {
            topicCounts = new long[Seconds];
            _byTopic[topic] = topicCounts;
        }

        topicCounts[slot] += count;
    }

    private int Slot(long second) => (int)(((second % Seconds) + Seconds) % Seconds);
}
