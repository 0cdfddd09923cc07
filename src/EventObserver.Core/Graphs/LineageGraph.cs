namespace EventObserver.Core.Graphs;

/// <summary>The result of a lineage query: nodes in discovery order, edges from cause to effect.</summary>
public sealed record LineageGraph
{
    /// <summary>The start message of a walk; for a correlation graph its oldest message. Null when nothing was found.</summary>
    public string? RootId { get; init; }
    public IReadOnlyList<LineageNode> Nodes { get; init; } = [];
    public IReadOnlyList<LineageEdge> Edges { get; init; } = [];

    /// <summary>The node limit stopped the walk: some reachable messages are not in the graph.</summary>
    public bool Truncated { get; init; }

    /// <summary>Sum of the counts on the "more" nodes (known left-out neighbours; a lower bound when <see cref="Truncated"/>).</summary>
    public int MoreCount { get; init; }

    /// <summary>
    /// Causation ids named by messages of the graph that resolve to no indexed message, each once, in discovery order (an
    /// unknown node stands for each one that fit under the node limit). A cause on a topic the reader may not read is not
    /// one of these: it is indexed, and redaction hides it.
    /// </summary>
    public IReadOnlyList<string> UnresolvedCauses { get; init; } = [];

    public bool Found => Nodes.Count > 0;

    public static LineageGraph Empty(string? rootId) => new() { RootId = rootId };
}
