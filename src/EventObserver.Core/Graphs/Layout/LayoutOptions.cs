namespace EventObserver.Core.Graphs.Layout;

/// <summary>Sizes and effort for <see cref="LayeredLayout"/>; lengths in SVG user units.</summary>
public sealed record LayoutOptions
{
    public double NodeWidth { get; init; } = 180;
    public double NodeHeight { get; init; } = 72;

    /// <summary>Horizontal gap between two layers (where the edges run).</summary>
    public double LayerSpacing { get; init; } = 80;

    /// <summary>Vertical gap between two nodes of one layer.</summary>
    public double NodeSpacing { get; init; } = 24;

    public double Padding { get; init; } = 16;

    /// <summary>Barycenter sweeps (alternating down and up) to reduce crossings; the best order seen is kept.</summary>
    public int OrderingSweeps { get; init; } = 6;

    /// <summary>
    /// Budget of bend points for edges spanning several layers; beyond it long edges are drawn straight,
    /// so a pathological graph cannot blow up time and memory.
    /// </summary>
    public int MaxBendNodes { get; init; } = 10_000;
}
