using EventObserver.Core.Graphs.Layout;

namespace EventObserver.Core.Flows;

/// <summary>A laid-out flow map: one placement per node, one route per edge (both in the map's order), lane bands top to bottom.</summary>
public sealed record FlowBoard(
    IReadOnlyList<NodePlacement> Nodes,
    IReadOnlyList<FlowEdgeRoute> Edges,
    IReadOnlyList<FlowLaneBand> Lanes,
    double Width,
    double Height)
{
    public static FlowBoard Empty { get; } = new([], [], [], 0, 0);
}
