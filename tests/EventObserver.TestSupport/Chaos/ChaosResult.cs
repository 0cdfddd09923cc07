namespace EventObserver.TestSupport.Chaos;

/// <summary>
/// What a chaos run found: the faults done, what was produced (delivered by the broker), what of it the index lacks
/// (<see cref="Lost"/>, which counts <see cref="HashMismatches"/> too) or holds more than once or never produced
/// (<see cref="Duplicated"/>), and per outage the time from the brokers' return to the first newly indexed event.
/// </summary>
public sealed record ChaosResult(
    int Kills,
    int Outages,
    long Produced,
    long Lost,
    long Duplicated,
    long HashMismatches,
    IReadOnlyList<double> ResumeMs)
{
    /// <summary>95th percentile of <see cref="ResumeMs"/> (nearest rank); 0 without outages.</summary>
    public double ResumeP95Ms => Percentile(ResumeMs, 0.95);

    public static double Percentile(IReadOnlyList<double> values, double quantile)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(quantile * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
