namespace EventObserver.Core.Graphs.Layout;

public readonly record struct LayoutPoint(double X, double Y);
