using System.Diagnostics.Metrics;
using EventObserver.Core.Indexing;

namespace EventObserver.Kafka.Ingestion;

/// <summary>The ingestion meter (<c>EventObserver.Ingestion</c>), for dotnet-counters or an OpenTelemetry exporter.</summary>
public static class IngestionMetrics
{
    public const string MeterName = "EventObserver.Ingestion";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Gaps = Meter.CreateCounter<long>(
        "eventobserver.ingestion.retention_gaps", "{gap}", "Ranges the broker deleted before they were indexed");

    private static readonly Counter<long> Lost = Meter.CreateCounter<long>(
        "eventobserver.ingestion.messages_lost", "{message}", "Messages the broker deleted before they were indexed");

    internal static void Record(RetentionGap gap)
    {
        var topic = new KeyValuePair<string, object?>("topic", gap.Topic);
        Gaps.Add(1, topic);
        Lost.Add(gap.Count, topic);
    }
}
