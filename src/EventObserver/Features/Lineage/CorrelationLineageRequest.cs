using EventObserver.Access;

namespace EventObserver.Features.Lineage;

/// <summary>What <c>GET /api/correlations/{correlationId}</c> binds (<c>[AsParameters]</c>).</summary>
/// <param name="CorrelationId">The correlation id shared by the conversation's messages.</param>
/// <param name="User">Who asks: the graph shows what they may read.</param>
public sealed record CorrelationLineageRequest(string CorrelationId, NodeLimitQuery Limit, LineageQueries Lineage, ICurrentUser User, CancellationToken CancellationToken);
