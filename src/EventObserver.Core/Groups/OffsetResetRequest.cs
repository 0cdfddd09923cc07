namespace EventObserver.Core.Groups;

/// <summary>
/// Where to move a group's committed offsets: on every partition of <paramref name="Topic"/> (or every topic the group
/// committed on, when null), or on one <paramref name="Partition"/> of it.
/// </summary>
public sealed record OffsetResetRequest(
    string GroupId,
    OffsetResetTarget Target,
    string? Topic = null,
    int? Partition = null,
    DateTimeOffset? Time = null,
    long? Offset = null);
