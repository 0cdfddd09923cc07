namespace EventObserver.Core.Graphs.Layout;

/// <summary>
/// The polyline of one input edge, from its source to its target. <see cref="Reversed"/> marks an
/// edge that closes a cycle and therefore runs right to left. Empty when the edge names an unknown node.
/// </summary>
public sealed record EdgeRoute(string From, string To, bool Reversed, IReadOnlyList<LayoutPoint> Points);
