namespace EventObserver.Core.Flows;

/// <summary>Sizes for <see cref="FlowBoardLayout"/>, in SVG user units.</summary>
public sealed record FlowBoardOptions
{
    public double NodeWidth { get; init; } = 156;
    public double NodeHeight { get; init; } = 70;

    /// <summary>Gap between columns: room for the edge labels (count, p50/p95).</summary>
    public double LayerSpacing { get; init; } = 118;

    public double NodeSpacing { get; init; } = 14;

    /// <summary>Room above a lane's stickies for its name.</summary>
    public double LaneHeader { get; init; } = 24;

    public double LanePadding { get; init; } = 12;

    public double Padding { get; init; } = 16;
}
