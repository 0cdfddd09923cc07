namespace EventObserver.Core.Graphs;

/// <summary>
/// A link from cause to effect. <see cref="LatencyMs"/> is the effect's timestamp minus the cause's,
/// null when either side is not an indexed message.
/// </summary>
public sealed record LineageEdge(string From, string To, LineageEdgeKind Kind, long? LatencyMs);
