namespace EventObserver.Core.Flows;

/// <summary>Sizes for <see cref="FlowBoardLayout"/>, in SVG user units.</summary>
public sealed record FlowBoardOptions
{
    public double NodeWidth { get; init; } = 142;
    public double NodeHeight { get; init; } = 76;

    /// <summary>Gap between columns: room for the edge labels (count, p50/p95).</summary>
    public double LayerSpacing { get; init; } = 84;

    /// <summary>Width of an edge label (count, p50, p95 on three lines); labels are kept inside the gap between columns.</summary>
    public double LabelWidth { get; init; } = 64;

    public double NodeSpacing { get; init; } = 14;

    /// <summary>Room above a lane's stickies for its name.</summary>
    public double LaneHeader { get; init; } = 24;

    public double LanePadding { get; init; } = 12;

    public double Padding { get; init; } = 16;
}
