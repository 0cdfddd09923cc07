using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Selection;

using EventObserver.Storage.Retention;

namespace EventObserver.Storage.Index;

/// <summary>
/// The persistent event index of one cluster. LiteDB is synchronous: so is this API.
/// Thread-safe: one writer (ingestion) and many readers (UI, API).
/// </summary>
public interface IEventIndex : IDisposable
{
    /// <summary>The cluster this index belongs to.</summary>
    string ClusterId { get; }

    string FilePath { get; }

    /// <summary>
    /// Writes the envelopes and advances the per-partition checkpoints (next offset to read)
    /// in one transaction. Idempotent on topic/partition/offset: an envelope already indexed
    /// is skipped, not duplicated. Returns how many were newly stored.
    /// </summary>
    int Write(IReadOnlyList<EventEnvelope> batch);

    /// <summary>
    /// Like <see cref="Write(IReadOnlyList{EventEnvelope})"/>, and records <paramref name="gaps"/> in the same
    /// transaction, moving each gap's partition checkpoint past it. A gap the checkpoint is already past is ignored.
    /// </summary>
    int Write(IReadOnlyList<EventEnvelope> batch, IReadOnlyList<RetentionGap> gaps);

    /// <summary>Next offset to consume per partition, as committed with the events.</summary>
    IReadOnlyDictionary<TopicPartitionKey, long> GetCheckpoints();

    EventEnvelope? Get(string topic, int partition, long offset);

    /// <summary>Newest first, at most <see cref="EventSelection.Limit"/> (capped at <see cref="EventSelection.MaxLimit"/>).</summary>
    IReadOnlyList<EventEnvelope> Query(EventSelection selection);

    /// <summary>
    /// Every event of <paramref name="range"/>, streamed chunk by chunk (never all in memory): each partition in
    /// offset order, partitions merged by timestamp (then topic, partition, offset), so the oldest come first.
    /// Chunks deleted by retention while the enumeration runs are skipped.
    /// </summary>
    IEnumerable<EventEnvelope> ReadOldestFirst(EventRange range);

    /// <summary>Exactly how many events <see cref="ReadOldestFirst"/> would give now.</summary>
    long Count(EventRange range);

    /// <summary>Lineage lookups over this index, for <see cref="LineageGraphBuilder"/>.</summary>
    ILineageSource Lineage { get; }

    /// <summary>Recorded retention gaps, newest first, optionally of one topic (kept in memory; cheap).</summary>
    IReadOnlyList<RetentionGap> GetRetentionGaps(string? topic = null, int limit = int.MaxValue);

    /// <summary>Counts kept in memory; cheap to call often.</summary>
    IndexStatistics GetStatistics();

    /// <summary>Deletes the oldest events in batches until both limits hold. Returns how many were deleted.</summary>
    long ApplyRetention(RetentionPolicy policy, DateTimeOffset now);
}
