namespace EventObserver.Core.Groups;

/// <summary>One group at one refresh: description, per-partition and per-topic lag, totals, and its own error if any.</summary>
public sealed record ConsumerGroupStatus(
    string GroupId,
    GroupState State,
    string? ProtocolType,
    string? Assignor,
    IReadOnlyList<GroupMember> Members,
    bool MembersKnown,
    IReadOnlyList<PartitionLag> Partitions,
    IReadOnlyList<GroupTopicLag> Topics,
    long TotalLag,
    TimeSpan? MaxTimeLag,
    string? Error = null);
