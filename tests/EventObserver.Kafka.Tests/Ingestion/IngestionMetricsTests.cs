using System.Diagnostics.Metrics;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;

namespace EventObserver.Kafka.Tests.Ingestion;

public sealed class IngestionMetricsTests
{
    [Fact]
    public void RecordIndexed_WithGaps_CountsGapsAndLostMessagesPerTopic()
    {
        var topic = "metrics-" + Guid.NewGuid().ToString("N");
        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IngestionMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            // The meter is process-wide and tests run in parallel: count this test's topic only.
            if (tags.ToArray().Any(t => t.Key == "topic" && Equals(t.Value, topic)))
            {
                measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();
        var status = new IngestionStatus(TimeProvider.System);

        status.RecordIndexed([new RetentionGap(topic, 0, 10, 24, DateTimeOffset.UnixEpoch), new RetentionGap(topic, 1, 0, 4, DateTimeOffset.UnixEpoch)]);

        Assert.Equal(2, measured["eventobserver.ingestion.retention_gaps"]);
        Assert.Equal(20, measured["eventobserver.ingestion.messages_lost"]);
    }
}
