namespace EventObserver.Features.Lineage;

/// <summary>The answer of the lineage endpoints: nodes in discovery order, edges from cause to effect.</summary>
public sealed record LineageGraphDto(
    string? RootId,
    IReadOnlyList<LineageNodeDto> Nodes,
    IReadOnlyList<LineageEdgeDto> Edges,
    bool Truncated,
    int MoreCount);
