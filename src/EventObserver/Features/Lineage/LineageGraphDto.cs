namespace EventObserver.Features.Lineage;

/// <summary>
/// The answer of the lineage endpoints: nodes in discovery order, edges from cause to effect.
/// <see cref="UnresolvedCauses"/> are causation ids that messages of the graph name but the index does not hold (not
/// consumed, removed by retention, never produced), each once; <see cref="UnresolvedCauseCount"/> is their number.
/// A cause on a topic the caller may not read is not among them: it is a <c>hidden</c> node or withheld.
/// </summary>
public sealed record LineageGraphDto(
    string? RootId,
    IReadOnlyList<LineageNodeDto> Nodes,
    IReadOnlyList<LineageEdgeDto> Edges,
    bool Truncated,
    int MoreCount,
    int UnresolvedCauseCount,
    IReadOnlyList<string> UnresolvedCauses);
