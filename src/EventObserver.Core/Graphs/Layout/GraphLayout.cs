namespace EventObserver.Core.Graphs.Layout;

/// <summary>Placements in input node order (duplicates dropped) and one route per input edge, in input order.</summary>
public sealed record GraphLayout(IReadOnlyList<NodePlacement> Nodes, IReadOnlyList<EdgeRoute> Edges, double Width, double Height);
