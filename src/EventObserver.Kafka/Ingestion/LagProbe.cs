using Confluent.Kafka;
using Confluent.Kafka.Admin;
using EventObserver.Core.Indexing;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Asks the brokers for every assigned partition's log start and end, batched per broker, without blocking the
/// consume thread: <see cref="Start"/> sends, <see cref="TryTake"/> collects on a later turn of the loop. The
/// consumer's own watermarks come from its last fetch, and it stops fetching while its queue is full, which is
/// exactly when ingestion is behind; so lag and retention are measured here instead.
/// </summary>
internal sealed class LagProbe(IAdminClient admin)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private Task<ListOffsetsResult>? _earliest;
    private Task<ListOffsetsResult>? _latest;

    public bool InFlight => _earliest is not null;

    public void Start(IReadOnlyCollection<TopicPartition> partitions)
    {
        if (InFlight || partitions.Count == 0)
        {
            return;
        }

        var options = new ListOffsetsOptions { RequestTimeout = RequestTimeout };
        _earliest = admin.ListOffsetsAsync(partitions.Select(p => new TopicPartitionOffsetSpec { TopicPartition = p, OffsetSpec = OffsetSpec.Earliest() }), options);
        _latest = admin.ListOffsetsAsync(partitions.Select(p => new TopicPartitionOffsetSpec { TopicPartition = p, OffsetSpec = OffsetSpec.Latest() }), options);
    }

    /// <summary>
    /// The marks once both answers are in (partitions that failed are left out); null while waiting, and an empty
    /// result when the requests failed as a whole (the caller falls back to the consumer's own watermarks).
    /// </summary>
    public IReadOnlyDictionary<TopicPartition, WatermarkOffsets>? TryTake()
    {
        if (_earliest is not { IsCompleted: true } earliest || _latest is not { IsCompleted: true } latest)
        {
            return null;
        }

        _earliest = null;
        _latest = null;
        var lows = Offsets(earliest);
        var highs = Offsets(latest);
        var marks = new Dictionary<TopicPartition, WatermarkOffsets>();
        foreach (var (partition, high) in highs)
        {
            if (lows.TryGetValue(partition, out var low))
            {
                marks[partition] = new WatermarkOffsets(low, high);
            }
        }

        return marks;
    }

    /// <summary>
    /// Lag per partition: the broker's log end minus the next offset the index needs (never below the log start, as
    /// deleted messages cannot be read any more). Transaction markers are skipped by the consumer without a record,
    /// so the consumer's position past them counts as indexed once everything before it is.
    /// </summary>
    public static Dictionary<TopicPartitionKey, long> LagByPartition(
        IConsumer<byte[], byte[]> consumer,
        IReadOnlyDictionary<TopicPartition, WatermarkOffsets> probed,
        TopicFilter filter,
        IReadOnlyDictionary<TopicPartitionKey, long> written,
        IReadOnlyDictionary<TopicPartitionKey, long> positions)
    {
        var lag = new Dictionary<TopicPartitionKey, long>();
        foreach (var partition in consumer.Assignment)
        {
            if (!filter.Includes(partition.Topic))
            {
                continue;
            }

            var marks = probed.TryGetValue(partition, out var fresh) ? fresh : consumer.GetWatermarkOffsets(partition);
            if (marks.High == Offset.Unset)
            {
                continue;
            }

            var next = NextToIndex(consumer, partition, written, positions);
            if (marks.Low != Offset.Unset)
            {
                next = Math.Max(next, marks.Low.Value);
            }

            lag[new TopicPartitionKey(partition.Topic, partition.Partition.Value)] = Math.Max(0, marks.High.Value - next);
        }

        return lag;
    }

    /// <summary>
    /// The next offset the index needs: the index's own, or the consumer's position when everything consumed is indexed
    /// and the consumer moved past offsets that carry no record (transaction markers).
    /// </summary>
    public static long NextToIndex(
        IConsumer<byte[], byte[]> consumer,
        TopicPartition partition,
        IReadOnlyDictionary<TopicPartitionKey, long> written,
        IReadOnlyDictionary<TopicPartitionKey, long> positions)
    {
        var key = new TopicPartitionKey(partition.Topic, partition.Partition.Value);
        var next = written.TryGetValue(key, out var indexed) ? indexed : 0;
        if (positions.TryGetValue(key, out var consumed) && next >= consumed && consumer.Position(partition) is { } position
            && position != Offset.Unset && position.Value > consumed)
        {
            next = position.Value;
        }

        return next;
    }

    private static Dictionary<TopicPartition, Offset> Offsets(Task<ListOffsetsResult> task)
    {
        var infos = task.Status == TaskStatus.RanToCompletion ? task.Result.ResultInfos
            : task.Exception?.InnerException is ListOffsetsException partial ? partial.Result.ResultInfos
            : [];
        var offsets = new Dictionary<TopicPartition, Offset>();
        foreach (var info in infos)
        {
            var tpo = info.TopicPartitionOffsetError;
            if (!tpo.Error.IsError && tpo.Offset != Offset.Unset)
            {
                offsets[tpo.TopicPartition] = tpo.Offset;
            }
        }

        return offsets;
    }
}
