using EventObserver.Kafka.Ingestion;
using EventObserver.Storage.Index;

namespace EventObserver.Monitoring;

/// <summary>Builds a <see cref="SystemStatus"/> from in-memory state only, so it is cheap and never blocks on the broker.</summary>
public sealed class SystemStatusReader(IngestionStatus ingestion, EventIndexProvider provider, IndexStatisticsReader index)
{
    public SystemStatus Read()
    {
        var statistics = index.Read();
        return new SystemStatus
        {
            BrokerState = ingestion.BrokerState,
            Embedded = ingestion.IsEmbedded,
            BootstrapServers = ingestion.BootstrapServers,
            ClusterId = ingestion.ClusterId ?? provider.Current?.ClusterId,
            Lag = ingestion.Lag,
            EventsPerSec = Math.Round(ingestion.Rates.GetRate(), 2),
            IndexedEvents = statistics.TotalEvents,
            IndexSizeBytes = statistics.FileSizeBytes,
            TopicCounts = statistics.Topics.ToDictionary(t => t.Key, t => t.Value.Count, StringComparer.Ordinal),
            LastError = ingestion.LastError,
            LastErrorAt = ingestion.LastErrorAt,
            IndexSwitch = provider.LastSwitch,
            Ingestion = ingestion.Watchdog.Evaluate(ingestion.BrokerState == BrokerState.Connected),
            RetentionGaps = statistics.RetentionGaps,
            MessagesLost = statistics.MessagesLost,
        };
    }
}
