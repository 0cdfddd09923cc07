namespace EventObserver.Core.Groups;

/// <summary>
/// One topic-partition of a group: committed offset (next to consume; null when the group never committed here), log
/// end offset (null when the broker did not say), lag in messages and in time, and the consume rate since the
/// previous refresh.
/// </summary>
public sealed record PartitionLag(
    string Topic,
    int Partition,
    long? CommittedOffset,
    long? LogEndOffset,
    long? Lag,
    TimeLag TimeLag,
    double? ConsumedPerSecond = null);
