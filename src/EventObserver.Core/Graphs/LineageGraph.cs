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

    public bool Found => Nodes.Count > 0;

    public static LineageGraph Empty(string? rootId) => new() { RootId = rootId };
}
