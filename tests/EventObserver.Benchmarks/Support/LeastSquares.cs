namespace EventObserver.Benchmarks.Support;

/// <summary>The least-squares line through points: a growth rate that one noisy sample (a GC, a burst) cannot fake.</summary>
internal static class LeastSquares
{
    /// <summary>The slope of the least-squares line through <paramref name="points"/>; null with fewer than two distinct x.</summary>
    public static double? Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return null;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var covariance = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var variance = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return variance == 0 ? null : covariance / variance;
    }
}
