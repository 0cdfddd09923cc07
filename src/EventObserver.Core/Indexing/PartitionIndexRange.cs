namespace EventObserver.Core.Indexing;

/// <summary>
/// What the index holds of one partition, from its chunk metadata (no event is read): the oldest and newest indexed
/// offsets, how many events lie between them (fewer than the offsets span where compaction or retention left holes),
/// and their time span.
/// </summary>
public sealed record PartitionIndexRange(
    int Partition,
    long OldestOffset,
    long NewestOffset,
    long Count,
    DateTimeOffset OldestAt,
    DateTimeOffset NewestAt);
