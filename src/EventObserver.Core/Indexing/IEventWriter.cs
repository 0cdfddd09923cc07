using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Indexing;

/// <summary>The ingestion side of the index: one writer (the ingestion pipeline's writer thread).</summary>
public interface IEventWriter
{
    /// <summary>
    /// Writes the envelopes, records <paramref name="gaps"/> and advances the per-partition checkpoints (next offset
    /// to read, each gap's partition moved past it) in one transaction. Idempotent on topic/partition/offset: an
    /// envelope already indexed is skipped, not duplicated; a gap the checkpoint is already past is ignored.
    /// Returns how many envelopes were newly stored.
    /// </summary>
    int Write(IReadOnlyList<EventEnvelope> batch, IReadOnlyList<RetentionGap> gaps);

    /// <summary>Writes a batch that brings no retention gaps (tests, tools, benchmarks).</summary>
    int Write(IReadOnlyList<EventEnvelope> batch) => Write(batch, []);
}
