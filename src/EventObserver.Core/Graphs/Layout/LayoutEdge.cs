namespace EventObserver.Core.Graphs.Layout;

/// <summary>A directed edge given to the layout, by node id.</summary>
public readonly record struct LayoutEdge(string From, string To);
