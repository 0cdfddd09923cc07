using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;
using EventObserver.Monitoring;

namespace EventObserver.Features.Status;

/// <summary>Builds a <see cref="SystemStatus"/> from in-memory state only, so it is cheap and never blocks on the broker.</summary>
public sealed class SystemStatusReader(IngestionStatus ingestion, ICurrentIndex indexes, IndexStatisticsReader index)
{
    public SystemStatus Read()
    {
        var statistics = index.Read();
        return new SystemStatus
        {
            BrokerState = ingestion.BrokerState,
            Embedded = ingestion.IsEmbedded,
            BootstrapServers = ingestion.BootstrapServers,
            ClusterId = ingestion.ClusterId ?? (indexes.TryGet(out var current) ? current.ClusterId : null),
            Lag = ingestion.Lag,
            EventsPerSec = Math.Round(ingestion.Rates.GetRate(), 2),
            IndexedEvents = statistics.TotalEvents,
            IndexSizeBytes = statistics.FileSizeBytes,
            TopicCounts = statistics.Topics.ToDictionary(t => t.Key, t => t.Value.Count, StringComparer.Ordinal),
            LastError = ingestion.LastError,
            LastErrorAt = ingestion.LastErrorAt,
            IndexSwitch = indexes.LastSwitch,
            Ingestion = ingestion.Watchdog.Evaluate(ingestion.BrokerState == BrokerState.Connected),
            RetentionGaps = statistics.RetentionGaps,
            MessagesLost = statistics.MessagesLost,
        };
    }
}
