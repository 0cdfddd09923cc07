using EventObserver.Access;

namespace EventObserver.Features.Lineage;

/// <summary>What <c>GET /api/events/{topic}/{partition}/{offset}/lineage</c> binds (<c>[AsParameters]</c>).</summary>
/// <param name="Topic">The topic's name.</param>
/// <param name="Partition">The partition number.</param>
/// <param name="Offset">The offset in the partition.</param>
/// <param name="User">Who asks: the graph shows what they may read.</param>
public sealed record EventLineageRequest(
    string Topic, int Partition, long Offset, LineageWalkQuery Walk, LineageQueries Lineage, ICurrentUser User, CancellationToken CancellationToken);
