namespace EventObserver.Features.Lineage;

/// <summary>What <c>GET /api/correlations/{correlationId}</c> binds (<c>[AsParameters]</c>).</summary>
public sealed record CorrelationLineageRequest(string CorrelationId, NodeLimitQuery Limit, LineageQueries Lineage, CancellationToken CancellationToken);
