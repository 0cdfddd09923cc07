namespace EventObserver.Features.Lineage;

/// <summary><see cref="Kind"/> is <c>causation</c>, <c>correlation</c> or <c>deadLetter</c>. A link from cause (<see cref="From"/>) to effect (<see cref="To"/>); latency null when either side is not an indexed message.</summary>
public sealed record LineageEdgeDto(string From, string To, string Kind, long? LatencyMs);
