namespace EventObserver.Core.Flows;

/// <summary>
/// Cause → effect between two stickies over the window: how often, how long it took (percentiles of the
/// effect's timestamp minus the cause's) and a few recent example conversations, newest first.
/// </summary>
public sealed record FlowEdge
{
    public required string Id { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required FlowEdgeKind Kind { get; init; }
    public long Count { get; init; }

    /// <summary>How many of <see cref="Count"/> were inferred from the order within a correlation (no causation id).</summary>
    public long Inferred { get; init; }

    public long? P50Ms { get; init; }
    public long? P95Ms { get; init; }
    public IReadOnlyList<FlowExample> Examples { get; init; } = [];
}
