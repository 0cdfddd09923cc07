using EventObserver.Core.Indexing;
using EventObserver.Core.Metrics;
using EventObserver.Kafka.Configuration;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Live state of ingestion, written by the ingestion service and read by the UI, health check and API.
/// Thread-safe; everything here is in memory.
/// </summary>
public sealed class IngestionStatus
{
    private readonly Lock _gate = new();
    private Dictionary<string, long> _lagByTopic = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<TopicPartitionKey, long> _lagByPartition = new Dictionary<TopicPartitionKey, long>();
    private readonly TimeProvider _time;
    private long _skippedOffsets;
    private long _fencedEvents;
    private BrokerState _brokerState = BrokerState.Starting;
    private IndexWritePause? _writePause;

    public IngestionStatus(TimeProvider time, IOptions<KafkaOptions> options)
        : this(time, options.Value.StallAfter)
    {
    }

    public IngestionStatus(TimeProvider time)
        : this(time, IngestionWatchdog.DefaultStallAfter)
    {
    }

    public IngestionStatus(TimeProvider time, TimeSpan stallAfter)
    {
        _time = time;
        BrokerStateSince = time.GetUtcNow();
        Rates = new RateMeter(time);
        Watchdog = new IngestionWatchdog(time, stallAfter);
    }

    public RateMeter Rates { get; }

    /// <summary>Judges progress for the health check and the "behind" notices.</summary>
    public IngestionWatchdog Watchdog { get; }

    /// <summary>Offsets skipped without retention being the cause (compaction, transaction markers), since start.</summary>
    public long SkippedOffsets => Interlocked.Read(ref _skippedOffsets);

    /// <summary>Events not written because another observer had taken their partitions over (several observers), since start.</summary>
    public long FencedEvents => Interlocked.Read(ref _fencedEvents);

    public bool IsEmbedded { get; set; }
    public string BootstrapServers { get; set; } = "";
    public string? ClusterId { get; set; }
    public BrokerState BrokerState
    {
        get => _brokerState;
        set
        {
            if (_brokerState != value)
            {
                BrokerStateSince = _time.GetUtcNow();
                _brokerState = value;
            }
        }
    }

    /// <summary>Since when <see cref="BrokerState"/> holds (the start, until it first changes); for the readiness probe.</summary>
    public DateTimeOffset BrokerStateSince { get; private set; }

    /// <summary>Set while index writes are paused (the disk is full); null while they succeed.</summary>
    public IndexWritePause? WritePause
    {
        get => Volatile.Read(ref _writePause);
        set => Volatile.Write(ref _writePause, value);
    }
    public string? LastError { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }
    public DateTimeOffset? LastBatchAt { get; set; }
    public long ConsumedTotal { get; set; }

    /// <summary>The running or last rebuild of the index from Kafka; null when none ran since start.</summary>
    public RebuildProgress? Rebuild { get; set; }

    /// <summary>Sum over partitions of (high watermark − next offset to index).</summary>
    public long Lag
    {
        get
        {
            lock (_gate)
            {
                return _lagByTopic.Values.Sum();
            }
        }
    }

    public IReadOnlyDictionary<string, long> LagByTopic
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, long>(_lagByTopic, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Lag per partition from the last probe (what <see cref="LagByTopic"/> sums); read by the lag gauge.</summary>
    public IReadOnlyDictionary<TopicPartitionKey, long> LagByPartition => Volatile.Read(ref _lagByPartition);

    public void SetPartitionLag(IReadOnlyDictionary<TopicPartitionKey, long> lagByPartition)
    {
        ArgumentNullException.ThrowIfNull(lagByPartition);
        Volatile.Write(ref _lagByPartition, lagByPartition);
        var byTopic = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (partition, lag) in lagByPartition)
        {
            byTopic[partition.Topic] = byTopic.GetValueOrDefault(partition.Topic) + lag;
        }

        SetLag(byTopic);
    }

    public void SetLag(IReadOnlyDictionary<string, long> lagByTopic)
    {
        lock (_gate)
        {
            _lagByTopic = new Dictionary<string, long>(lagByTopic, StringComparer.Ordinal);
        }

        Watchdog.ObserveLag(lagByTopic.Values.Sum(), Rates.GetRate());
    }

    /// <summary>A batch was committed to the index, with the retention gaps recorded in the same transaction.</summary>
    public void RecordIndexed(IReadOnlyList<RetentionGap> gaps)
    {
        Watchdog.ObserveIndexed();
        foreach (var gap in gaps)
        {
            IngestionMetrics.Record(gap);
        }
    }

    public void RecordFenced(long events) => Interlocked.Add(ref _fencedEvents, events);

    public void SetSkippedOffsets(long skipped) => Interlocked.Exchange(ref _skippedOffsets, skipped);
}
