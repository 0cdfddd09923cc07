namespace EventObserver.Benchmarks.Support;

/// <summary>Latency samples in milliseconds, recorded from any thread; percentiles over what was recorded since the last reset.</summary>
internal sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private List<double> _samples = new(400_000);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _samples.Count;
            }
        }
    }

    public void Record(double milliseconds)
    {
        lock (_gate)
        {
            _samples.Add(milliseconds);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _samples = new List<double>(400_000);
        }
    }

    /// <summary>The <paramref name="percent"/>th percentile (nearest rank), or null without samples.</summary>
    public double? Percentile(double percent)
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = [.. _samples];
        }

        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(rank, 0, sorted.Length - 1)], 1);
    }
}
