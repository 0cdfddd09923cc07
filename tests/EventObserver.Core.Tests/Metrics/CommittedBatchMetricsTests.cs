using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Metrics;

namespace EventObserver.Core.Tests.Metrics;

/// <summary>A committed batch is counted per topic (events indexed) and per decode status (decode failures).</summary>
public sealed class CommittedBatchMetricsTests : IDisposable
{
    private readonly ConcurrentDictionary<(string Instrument, string Tag), long> _measured = new();
    private readonly MeterListener _listener = new();
    private readonly string _topic = "orders-" + Guid.NewGuid().ToString("N");

    public CommittedBatchMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == InstrumentCatalog.EventsIndexed.Name || instrument.Name == InstrumentCatalog.DecodeFailures.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                _measured.AddOrUpdate((instrument.Name, $"{tag.Key}={tag.Value}"), value, (_, sum) => sum + value);
            }
        });
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void OnCommitted_TwoTopics_CountsEachTopicsEvents()
    {
        var other = _topic + "-b";
        var observer = new CommittedBatchMetrics();

        observer.OnCommitted([Envelope(_topic, 0), Envelope(other, 0), Envelope(_topic, 1)]);
        observer.OnCommitted([Envelope(_topic, 2)]);

        Assert.Equal(3, Indexed(_topic));
        Assert.Equal(1, Indexed(other));
    }

    [Fact]
    public void OnCommitted_ValuesAndKeysThatDidNotDecode_CountedByStatus_DecodedOnesNot()
    {
        // This class is the only one in the assembly that commits batches through the observer, so totals are exact.
        var observer = new CommittedBatchMetrics();

        observer.OnCommitted(
        [
            Envelope(_topic, 0, value: DecodeStatus.UnknownSchema),
            Envelope(_topic, 1, value: DecodeStatus.Corrupt, key: DecodeStatus.SchemaUnavailable),
            Envelope(_topic, 2, value: DecodeStatus.Decoded, key: DecodeStatus.Decoded),
            Envelope(_topic, 3, value: DecodeStatus.UnknownSchema),
            Envelope(_topic, 4),
        ]);

        Assert.Equal(2, Failures(DecodeStatus.UnknownSchema));
        Assert.Equal(1, Failures(DecodeStatus.Corrupt));
        Assert.Equal(1, Failures(DecodeStatus.SchemaUnavailable));
        Assert.Equal(0, Failures(DecodeStatus.Decoded));
        Assert.Equal(5, Indexed(_topic));
    }

    private long Indexed(string topic) => _measured.GetValueOrDefault((InstrumentCatalog.EventsIndexed.Name, $"topic={topic}"));

    private long Failures(DecodeStatus status) => _measured.GetValueOrDefault((InstrumentCatalog.DecodeFailures.Name, $"status={status}"));

    private static EventEnvelope Envelope(string topic, long offset, DecodeStatus? value = null, DecodeStatus? key = null) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = offset,
        TimestampMs = 1_704_110_400_000 + offset,
        MessageId = $"{topic}/0/{offset}",
        Decoding = value is { } v ? new PayloadDecoding { Format = SchemaFormat.Avro, Status = v } : null,
        KeyDecoding = key is { } k ? new PayloadDecoding { Format = SchemaFormat.Avro, Status = k } : null,
    };
}
