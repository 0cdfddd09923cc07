using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Metrics;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Ingestion's recordings into the <c>EventObserver.Ingestion</c> meter (the instruments are listed in
/// <see cref="InstrumentCatalog"/>), for dotnet-counters or an OpenTelemetry exporter.
/// </summary>
public static class IngestionMetrics
{
    public const string MeterName = TelemetryNames.IngestionMeter;

    private static readonly Lock Gate = new();

    // Reused for every batch: counting allocates nothing once a topic has been seen.
    private static readonly Dictionary<string, long> ConsumedByTopic = new(StringComparer.Ordinal);

    internal static void Record(RetentionGap gap)
    {
        var topic = new KeyValuePair<string, object?>(Instruments.TopicTag, gap.Topic);
        Instruments.RetentionGaps.Add(1, topic);
        Instruments.MessagesLost.Add(gap.Count, topic);
    }

    /// <summary>A batch read from Kafka goes to the index writer.</summary>
    internal static void RecordConsumed(List<EventEnvelope> batch)
    {
        if (batch.Count == 0 || !Instruments.EventsConsumed.Enabled)
        {
            return;
        }

        lock (Gate)
        {
            CommittedBatchMetrics.CountByTopic(batch, ConsumedByTopic, Instruments.EventsConsumed);
        }
    }
}
