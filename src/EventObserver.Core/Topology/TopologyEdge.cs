using EventObserver.Core.Graphs.Layout;

namespace EventObserver.Core.Topology;

/// <summary>
/// A link and how it is drawn: <see cref="PerSecond"/> over the window (null when the group's rate is not known yet),
/// <see cref="Weight"/> in [0, 1] for the line's thickness (log scale against the busiest link), and its route from the
/// right side of <see cref="From"/> to the left side of <see cref="To"/>. A consuming link carries the group's lag there.
/// </summary>
public sealed record TopologyEdge(string Id, TopologyEdgeKind Kind, string From, string To, IReadOnlyList<LayoutPoint> Points)
{
    public double? PerSecond { get; init; }

    public double Weight { get; init; }

    public long? Lag { get; init; }

    public TimeSpan? MaxTimeLag { get; init; }
}
