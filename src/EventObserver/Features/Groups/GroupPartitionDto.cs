using EventObserver.Core.Groups;

namespace EventObserver.Features.Groups;

/// <summary>
/// One topic-partition of a group: committed offset (the next it will consume), log end offset, lag in messages and in
/// time (now minus the timestamp of the first uncommitted event), how that time lag was found and the same in words.
/// </summary>
public sealed record GroupPartitionDto(
    string Topic,
    int Partition,
    long? CommittedOffset,
    long? LogEndOffset,
    long? Lag,
    double? TimeLagSeconds,
    TimeLagStatus TimeLagStatus,
    string Status,
    DateTimeOffset? FirstUncommittedAt,
    double? ConsumedPerSecond);
