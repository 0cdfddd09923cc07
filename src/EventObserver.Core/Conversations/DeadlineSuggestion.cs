namespace EventObserver.Core.Conversations;

/// <summary>The deadline proposed from completed durations: their p99, rounded up to a value a person would type.</summary>
internal static class DeadlineSuggestion
{
    /// <summary>Null until <paramref name="minimumCount"/> durations are known.</summary>
    public static TimeSpan? From(IReadOnlyCollection<long> durationsMs, int minimumCount, TimeSpan floor)
    {
        if (durationsMs.Count == 0 || durationsMs.Count < minimumCount)
        {
            return null;
        }

        var sorted = durationsMs.ToArray();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(0.99 * sorted.Length);
        var p99 = TimeSpan.FromMilliseconds(Math.Max(0, sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]));
        var readable = Readable(p99);
        return readable < floor ? floor : readable;
    }

    /// <summary>Whole seconds under a minute, whole minutes under an hour, whole hours beyond; always rounded up.</summary>
    public static TimeSpan Readable(TimeSpan value)
    {
        var unit = value <= TimeSpan.FromMinutes(1) ? TimeSpan.FromSeconds(1)
            : value <= TimeSpan.FromHours(1) ? TimeSpan.FromMinutes(1)
            : TimeSpan.FromHours(1);
        var units = (long)Math.Ceiling(value.Ticks / (double)unit.Ticks);
        return TimeSpan.FromTicks(Math.Max(1, units) * unit.Ticks);
    }
}
