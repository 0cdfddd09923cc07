namespace EventObserver.Core.Graphs.Layout;

/// <summary>Where a node goes: top-left corner and size; <see cref="Layer"/> is its column, <see cref="Order"/> its row within it.</summary>
public sealed record NodePlacement(string Id, double X, double Y, double Width, double Height, int Layer, int Order);
