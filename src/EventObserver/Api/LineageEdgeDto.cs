using EventObserver.Core.Graphs;

namespace EventObserver.Api;

/// <summary>A link from cause (<see cref="From"/>) to effect (<see cref="To"/>); latency null when either side is not an indexed message.</summary>
public sealed record LineageEdgeDto(string From, string To, LineageEdgeKind Kind, long? LatencyMs);
