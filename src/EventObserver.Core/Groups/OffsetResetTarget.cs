namespace EventObserver.Core.Groups;

public enum OffsetResetTarget
{
    Earliest,
    Latest,

    /// <summary>The first offset whose event is at or after a time (resolved through the index).</summary>
    Time,

    /// <summary>An explicit offset (clamped to the partition's retained range).</summary>
    Offset,
}
