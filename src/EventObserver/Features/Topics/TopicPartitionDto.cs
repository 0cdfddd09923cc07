namespace EventObserver.Features.Topics;

/// <summary>
/// One partition of a topic. Null means unknown: the broker did not tell (leader, replicas, in-sync replicas,
/// watermarks) or the index holds nothing of it (indexed range).
/// </summary>
/// <param name="LowWatermark">The oldest offset the broker still holds.</param>
/// <param name="HighWatermark">The next offset the broker will write.</param>
/// <param name="OldestIndexed">The oldest offset the index holds.</param>
/// <param name="NewestIndexed">The newest offset the index holds.</param>
/// <param name="NextToIndex">Where ingestion resumes (its checkpoint).</param>
/// <param name="LostToRetention">Messages the broker deleted before they were indexed.</param>
public sealed record TopicPartitionDto(
    int Partition,
    int? Leader,
    IReadOnlyList<int>? Replicas,
    IReadOnlyList<int>? InSyncReplicas,
    long? LowWatermark,
    long? HighWatermark,
    long? OldestIndexed,
    long? NewestIndexed,
    long Indexed,
    long? NextToIndex,
    long LostToRetention);
