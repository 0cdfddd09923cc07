using EventObserver.Core.Indexing;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Notices when a partition's next record is not the offset ingestion expected. When the broker's log start has
/// passed the expected offset, the skipped range was deleted by retention before it was read: a
/// <see cref="RetentionGap"/>. Other forward jumps (compacted topics, transaction markers) lose nothing the broker
/// still has and are only counted.
/// </summary>
internal sealed class RetentionGapDetector(IDictionary<TopicPartitionKey, long> positions, TimeProvider time)
{
    /// <summary>Offsets skipped without retention being the cause, since start.</summary>
    public long SkippedOffsets { get; private set; }

    /// <param name="key">The record's partition.</param>
    /// <param name="offset">The record's offset.</param>
    /// <param name="logStart">Reads a partition's current log start offset; only called on a jump.</param>
    /// <returns>The gap before this record, or null. Advances the expected position either way.</returns>
    public RetentionGap? Observe(TopicPartitionKey key, long offset, Func<TopicPartitionKey, long?> logStart)
    {
        RetentionGap? gap = null;
        if (positions.TryGetValue(key, out var expected) && offset > expected)
        {
            if (logStart(key) is { } start && start > expected)
            {
                gap = new RetentionGap(key.Topic, key.Partition, expected, offset - 1, time.GetUtcNow());
            }
            else
            {
                SkippedOffsets += offset - expected;
            }
        }

        positions[key] = offset + 1;
        return gap;
    }
}
