namespace EventObserver.Core.Topology;

/// <summary>How far behind a consumer group is, from its largest time lag (the colour of its node).</summary>
public enum LagLevel
{
    /// <summary>No time lag known (never committed, nothing indexed to compare with, or the group could not be read).</summary>
    Unknown,
    Ok,
    Lagging,
    FarBehind,
}
