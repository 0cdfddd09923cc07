namespace EventObserver.Components.Shared;

/// <summary>
/// How <see cref="SvgPanZoom.FitAsync"/> frames a drawing: the whole of it, centred, when that is at least
/// <see cref="Readable"/> (never above 100 %); otherwise the width of <see cref="Box"/> (x, y, width, height) at a
/// readable scale from its top-left corner, or <see cref="Focus"/> (x, y) centred at <see cref="FocusScale"/>.
/// </summary>
public sealed record SvgFit(double Readable, double[]? Box = null, double[]? Focus = null, double FocusScale = 1)
{
    /// <summary>The whole drawing, however small that makes it.</summary>
    public static SvgFit Whole { get; } = new(0);
}
