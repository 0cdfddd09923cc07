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

    /// <summary>The samples recorded since the last reset, and a reset: one interval's figures (e.g. a soak's minute).</summary>
    public List<double> TakeAll()
    {
        lock (_gate)
        {
            var taken = _samples;
            _samples = new List<double>(taken.Count);
            return taken;
        }
    }

    /// <summary>The <paramref name="percent"/>th percentile (nearest rank), or null without samples.</summary>
    public double? Percentile(double percent)
    {
        double[] samples;
        lock (_gate)
        {
            samples = [.. _samples];
        }

        return PercentileOf(samples, percent);
    }

    /// <summary>The <paramref name="percent"/>th percentile (nearest rank) of <paramref name="samples"/> (sorted in place), or null when empty.</summary>
    public static double? PercentileOf(double[] samples, double percent)
    {
        if (samples.Length == 0)
        {
            return null;
        }

        Array.Sort(samples);
        var rank = (int)Math.Ceiling(percent / 100 * samples.Length) - 1;
        return Math.Round(samples[Math.Clamp(rank, 0, samples.Length - 1)], 1);
    }
}
