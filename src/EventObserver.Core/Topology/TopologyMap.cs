namespace EventObserver.Core.Topology;

/// <summary>
/// Producers → topics → consumer groups over a window, laid out in three columns. <see cref="From"/> is where the
/// counts start (moved forward when <see cref="Capped"/>); <see cref="GroupsSource"/> and <see cref="GroupsError"/> say how
/// the groups were found and why they may be missing.
/// </summary>
public sealed record TopologyMap
{
    public IReadOnlyList<TopologyNode> Nodes { get; init; } = [];
    public IReadOnlyList<TopologyEdge> Edges { get; init; } = [];
    public DateTimeOffset From { get; init; }
    public DateTimeOffset To { get; init; }
    public long EventsRead { get; init; }
    public bool Capped { get; init; }
    public double Width { get; init; }
    public double Height { get; init; }
    public DateTimeOffset GroupsTakenAt { get; init; }
    public string GroupsSource { get; init; } = "";
    public string? GroupsError { get; init; }

    public static TopologyMap Empty(DateTimeOffset from, DateTimeOffset to) => new() { From = from, To = to };
}
