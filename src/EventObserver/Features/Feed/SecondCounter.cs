namespace EventObserver.Features.Feed;

/// <summary>
/// Events per second per topic over the last <see cref="Seconds"/> seconds, bucketed by the events' own
/// timestamps, for the timeline. Thread-safe (fed by the feed pump, read by the render thread).
/// </summary>
public sealed class SecondCounter
{
    public const int DefaultSeconds = 300;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long[]> _byTopic = new(StringComparer.Ordinal);
    private readonly long[] _seconds;

    public SecondCounter(int seconds = DefaultSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        Seconds = seconds;
        _seconds = new long[seconds];
        Array.Fill(_seconds, long.MinValue);
    }

    public int Seconds { get; }

    public void Record(string topic, long timestampMs)
    {
        var second = Math.DivRem(timestampMs, 1000L, out var rem) - (rem < 0 ? 1 : 0);
        var slot = (int)(((second % Seconds) + Seconds) % Seconds);
        lock (_gate)
        {
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

            topicCounts[slot]++;
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
                    var slot = (int)(((s % Seconds) + Seconds) % Seconds);
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
            _byTopic.Clear();
            Array.Fill(_seconds, long.MinValue);
        }
    }
}
