namespace EventObserver.Core.Topology;

/// <summary>Lag thresholds (on a group's largest time lag) and box sizes of the topology, in SVG user units.</summary>
public sealed record TopologyOptions
{
    /// <summary>Below this a group is <see cref="LagLevel.Ok"/>.</summary>
    public TimeSpan LaggingAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>At or above this a group is <see cref="LagLevel.FarBehind"/>; in between <see cref="LagLevel.Lagging"/>.</summary>
    public TimeSpan FarBehindAfter { get; init; } = TimeSpan.FromSeconds(60);

    public double NodeWidth { get; init; } = 200;
    public double NodeHeight { get; init; } = 56;
    public double ColumnSpacing { get; init; } = 150;
    public double RowSpacing { get; init; } = 18;
    public double Padding { get; init; } = 16;

    public LagLevel LevelOf(TimeSpan? maxTimeLag) => maxTimeLag switch
    {
        null => LagLevel.Unknown,
        { } lag when lag < LaggingAfter => LagLevel.Ok,
        { } lag when lag < FarBehindAfter => LagLevel.Lagging,
        _ => LagLevel.FarBehind,
    };
}
