namespace EventObserver.Features.Lineage;

/// <summary>What <c>GET /api/events/{topic}/{partition}/{offset}/lineage</c> binds (<c>[AsParameters]</c>).</summary>
public sealed record EventLineageRequest(
    string Topic, int Partition, long Offset, LineageWalkQuery Walk, LineageQueries Lineage, CancellationToken CancellationToken);
