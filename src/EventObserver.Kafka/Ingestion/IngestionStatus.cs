using EventObserver.Core.Metrics;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Live state of ingestion, written by the ingestion service and read by the UI, health check and API.
/// Thread-safe; everything here is in memory.
/// </summary>
public sealed class IngestionStatus(TimeProvider time)
{
    private readonly Lock _gate = new();
    private Dictionary<string, long> _lagByTopic = new(StringComparer.Ordinal);

    public RateMeter Rates { get; } = new(time);

    public bool IsEmbedded { get; set; }
    public string BootstrapServers { get; set; } = "";
    public string? ClusterId { get; set; }
    public BrokerState BrokerState { get; set; } = BrokerState.Starting;
    public string? LastError { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }
    public DateTimeOffset? LastBatchAt { get; set; }
    public long ConsumedTotal { get; set; }

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

    public void SetLag(IReadOnlyDictionary<string, long> lagByTopic)
    {
        lock (_gate)
        {
            _lagByTopic = new Dictionary<string, long>(lagByTopic, StringComparer.Ordinal);
        }
    }
}
