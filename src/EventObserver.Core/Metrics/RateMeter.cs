namespace EventObserver.Core.Metrics;

/// <summary>
/// Events per second per key over a sliding window of whole seconds. Thread-safe and allocation-free
/// on the hot path once a key has been seen.
/// </summary>
public sealed class RateMeter
{
    public const string Total = "";

    private readonly TimeProvider _time;
    private readonly int _windowSeconds;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long[]> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _bucketSecond = new(StringComparer.Ordinal);

    public RateMeter(TimeProvider time, int windowSeconds = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSeconds, 1);
        _time = time;
        _windowSeconds = windowSeconds;
    }

    /// <summary>Counts <paramref name="count"/> occurrences for <paramref name="key"/> and for the total.</summary>
    public void Record(string key, int count = 1)
    {
        var second = CurrentSecond();
        lock (_gate)
        {
            Add(key, second, count);
            if (key.Length != 0)
            {
                Add(Total, second, count);
            }
        }
    }

    /// <summary>Average per second over the last full window, excluding the running second.</summary>
    public double GetRate(string key = Total)
    {
        var second = CurrentSecond();
        lock (_gate)
        {
            if (!_buckets.TryGetValue(key, out var ring))
            {
                return 0;
            }

            long sum = 0;
            var last = _bucketSecond[key];
            for (var s = second - _windowSeconds; s < second; s++)
            {
                if (s > last - ring.Length && s <= last)
                {
                    sum += ring[(int)(s % ring.Length)];
                }
            }

            return sum / (double)_windowSeconds;
        }
    }

    public IReadOnlyDictionary<string, double> GetRates()
    {
        string[] keys;
        lock (_gate)
        {
            keys = [.. _buckets.Keys];
        }

        return keys.Where(k => k.Length != 0).ToDictionary(k => k, GetRate, StringComparer.Ordinal);
    }

    private long CurrentSecond() => _time.GetUtcNow().ToUnixTimeSeconds();

    private void Add(string key, long second, int count)
    {
        if (!_buckets.TryGetValue(key, out var ring))
        {
            ring = new long[_windowSeconds + 1];
            _buckets[key] = ring;
            _bucketSecond[key] = second;
        }

        var last = _bucketSecond[key];
        if (second > last)
        {
            // Clear the buckets of the seconds that passed without events.
            for (var s = Math.Max(last + 1, second - ring.Length + 1); s <= second; s++)
            {
                ring[(int)(s % ring.Length)] = 0;
            }

            _bucketSecond[key] = second;
        }

        if (second > last - ring.Length)
        {
            ring[(int)(second % ring.Length)] += count;
        }
    }
}
