using EventObserver.Core.Graphs.Layout;

namespace EventObserver.Core.Flows;

/// <summary>
/// The polyline of one edge (curved between points by the view) and where its label goes. <see cref="Backward"/>
/// marks an edge that runs right to left or loops (it closes a cycle) and is drawn under the stickies.
/// </summary>
public sealed record FlowEdgeRoute(string EdgeId, IReadOnlyList<LayoutPoint> Points, LayoutPoint Label, bool Backward);
