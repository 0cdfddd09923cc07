namespace EventObserver.Core.Topology;

/// <summary>
/// What the index says about a window: producer/topic counts over [<see cref="From"/>, <see cref="To"/>]. When the
/// read was capped (<see cref="Capped"/>), <see cref="From"/> is where the read started, so rates stay true.
/// </summary>
public sealed record TopologyTraffic(IReadOnlyList<ProducerTopicCount> Counts, DateTimeOffset From, DateTimeOffset To, long EventsRead = 0, bool Capped = false)
{
    public static TopologyTraffic Empty(DateTimeOffset from, DateTimeOffset to) => new([], from, to);

    /// <summary>The span the counts cover, at least a second (a rate over nothing is not a rate).</summary>
    public double Seconds => Math.Max(1, (To - From).TotalSeconds);
}
