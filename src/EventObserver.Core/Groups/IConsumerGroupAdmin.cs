using EventObserver.Core.Indexing;

namespace EventObserver.Core.Groups;

/// <summary>
/// The cluster's consumer groups, behind a port because brokers differ in what they answer: a real cluster through
/// Kafka's admin API (list, describe, committed offsets, alter offsets), librdkafka's mock cluster only the committed
/// offsets of groups known by name (listing groups aborts the process there). Implementations bound every call by a
/// timeout and report a failure per group instead of throwing for all.
/// </summary>
public interface IConsumerGroupAdmin
{
    GroupAdminCapabilities Capabilities { get; }

    Task<IReadOnlyList<GroupListing>> ListGroupsAsync(CancellationToken cancellationToken);

    /// <summary>One description per requested id, in the same order; a failed one carries its <see cref="GroupDescription.Error"/>.</summary>
    Task<IReadOnlyList<GroupDescription>> DescribeGroupsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken);

    /// <summary>One result per requested id, in the same order; a failed one carries its error.</summary>
    Task<IReadOnlyList<GroupCommittedOffsets>> GetCommittedOffsetsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken);

    /// <summary>Log start (earliest) and end (next offset to be written) of each partition; failed partitions are left out.</summary>
    Task<IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks>> GetWatermarksAsync(IReadOnlyCollection<TopicPartitionKey> partitions, CancellationToken cancellationToken);

    /// <summary>Writes committed offsets for a group without members. Throws <see cref="InvalidOperationException"/> with the broker's reason when refused.</summary>
    Task AlterCommittedOffsetsAsync(string groupId, IReadOnlyDictionary<TopicPartitionKey, long> offsets, CancellationToken cancellationToken);
}
