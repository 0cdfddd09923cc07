namespace EventObserver.Features.Feed;

/// <summary>Per-second counts per topic from <see cref="Start"/> for <see cref="Seconds"/> seconds.</summary>
public sealed record TimelineSnapshot(DateTimeOffset Start, int Seconds, IReadOnlyDictionary<string, double[]> ByTopic)
{
    public double Total(int second) => ByTopic.Values.Sum(v => v[second]);

    public DateTimeOffset At(int second) => Start.AddSeconds(second);
}
