namespace EventObserver.Core.Flows;

/// <summary>Nearest-rank percentiles: always one of the observed values.</summary>
internal static class Percentiles
{
    /// <summary>Sorts <paramref name="values"/> in place and returns the p50 and p95; nulls when empty.</summary>
    public static (long? P50, long? P95) Of(List<long> values)
    {
        if (values.Count == 0)
        {
            return (null, null);
        }

        values.Sort();
        return (Rank(values, 0.50), Rank(values, 0.95));
    }

    private static long Rank(List<long> sorted, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
