using Confluent.Kafka;
using EventObserver.Core.Indexing;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Follows a rebuild of the index from Kafka: takes its target from the first watermarks <see cref="LagProbe"/>
/// reports, then updates <see cref="IngestionStatus.Rebuild"/> from each later report and calls
/// <paramref name="onFinished"/> once when every partition reached its target. Used on the consume thread only.
/// </summary>
internal sealed class RebuildTracker(IngestionStatus status, TimeProvider time, Action onFinished)
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private readonly Dictionary<TopicPartitionKey, long> _done = [];
    private Dictionary<TopicPartitionKey, (long Low, long High)>? _targets;

    public bool Finished { get; private set; }

    public void Begin() => status.Rebuild = new RebuildProgress(0, 0, 0, 0, 0, false, _startedAt, null);

    /// <param name="marks">The log start and end of the assigned, ingested partitions.</param>
    /// <param name="nextToIndex">The next offset the index needs for a partition.</param>
    public void Observe(IReadOnlyDictionary<TopicPartition, WatermarkOffsets> marks, Func<TopicPartitionKey, long> nextToIndex)
    {
        if (Finished)
        {
            return;
        }

        if (_targets is null)
        {
            if (marks.Count == 0)
            {
                return;
            }

            _targets = marks
                .Where(m => m.Value.Low != Offset.Unset && m.Value.High != Offset.Unset)
                .ToDictionary(m => new TopicPartitionKey(m.Key.Topic, m.Key.Partition.Value), m => (m.Value.Low.Value, m.Value.High.Value));
        }

        long target = 0, indexed = 0;
        foreach (var (key, (low, high)) in _targets)
        {
            var range = Math.Max(0, high - low);
            var done = Math.Clamp(nextToIndex(key) - low, 0, range);

            // The index only moves forward, but the consumer's position (counted past transaction markers) may be
            // reported a moment later than the index: progress never goes back.
            done = Math.Max(done, _done.GetValueOrDefault(key));
            _done[key] = done;
            target += range;
            indexed += done;
        }

        Finished = indexed == target;
        var percent = target == 0 ? 100 : (int)(indexed * 100 / target);
        status.Rebuild = new RebuildProgress(
            percent,
            _targets.Keys.Select(k => k.Topic).Distinct(StringComparer.Ordinal).Count(),
            _targets.Count,
            target,
            indexed,
            Finished,
            _startedAt,
            Finished ? time.GetUtcNow() : null);
        if (Finished)
        {
            onFinished();
        }
    }
}
