namespace EventObserver.Core.Flows;

/// <summary>
/// The observed process over a time window. <see cref="EventsRead"/> messages were looked at; when
/// <see cref="Capped"/>, only the most recent of the window were (older ones left out).
/// </summary>
public sealed record FlowMap
{
    public IReadOnlyList<FlowNode> Nodes { get; init; } = [];
    public IReadOnlyList<FlowEdge> Edges { get; init; } = [];
    public IReadOnlyList<FlowLane> Lanes { get; init; } = [];
    public DateTimeOffset From { get; init; }
    public DateTimeOffset To { get; init; }
    public long EventsRead { get; init; }
    public bool Capped { get; init; }

    /// <summary>When capped: the timestamp of the oldest message that was read.</summary>
    public DateTimeOffset? OldestRead { get; init; }

    public static FlowMap Empty(DateTimeOffset from, DateTimeOffset to) => new() { From = from, To = to };
}
