using EventObserver.Core.Querying;

namespace EventObserver.Core.Indexing;

/// <summary>
/// A set of indexed events to read in order (a replay selection): every set property of <see cref="Filter"/> must
/// match (its <see cref="EventQuery.Limit"/> is ignored), optionally only inside <see cref="Offsets"/>, and only
/// below <see cref="EndOffsets"/> so a run reads a fixed set while ingestion goes on.
/// </summary>
public sealed record EventRange
{
    public EventQuery Filter { get; init; } = new();

    /// <summary>When not empty, only events inside one of these ranges (each partition given once or more).</summary>
    public IReadOnlyList<PartitionOffsetRange> Offsets { get; init; } = [];

    /// <summary>
    /// When set, only events below the given next offset of their partition, and no event of a partition missing
    /// here: a snapshot of <see cref="ICheckpointStore.GetCheckpoints"/> taken when the selection was resolved.
    /// </summary>
    public IReadOnlyDictionary<TopicPartitionKey, long>? EndOffsets { get; init; }
}
