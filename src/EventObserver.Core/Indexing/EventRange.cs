using EventObserver.Core.Selection;

namespace EventObserver.Core.Indexing;

/// <summary>
/// A set of indexed events to read in order (a replay selection, an analysed window): the events of
/// <see cref="Selection"/> (its <see cref="EventSelection.Limit"/> is ignored), and only below <see cref="EndOffsets"/>
/// so a run reads a fixed set while ingestion goes on.
/// </summary>
public sealed record EventRange
{
    public EventSelection Selection { get; init; } = EventSelection.All;

    /// <summary>
    /// When set, only events below the given next offset of their partition, and no event of a partition missing
    /// here: a snapshot of <see cref="ICheckpointStore.GetCheckpoints"/> taken when the selection was resolved.
    /// </summary>
    public IReadOnlyDictionary<TopicPartitionKey, long>? EndOffsets { get; init; }
}
