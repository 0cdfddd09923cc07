using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Decoding;

/// <summary>
/// Turns a raw Kafka record into an <see cref="EventEnvelope"/>. Never throws on bad input:
/// broken JSON, binary or odd headers are classified, not rejected. Thread-safe.
/// </summary>
public sealed class EnvelopeDecoder(LineageOptions options)
{
    // TEMPORARY minimal implementation; the Core work replaces it with the full convention set.
    private readonly LineageOptions _options = options;

    public EventEnvelope Decode(RawRecord record)
    {
        _ = _options;
        return new EventEnvelope
        {
            Topic = record.Topic,
            Partition = record.Partition,
            Offset = record.Offset,
            TimestampMs = record.TimestampMs,
            TimestampKind = record.TimestampKind,
            KeyBytes = record.Key,
            Key = record.Key is null ? null : Convert.ToHexStringLower(record.Key),
            KeyFormat = record.Key is null ? KeyFormat.None : KeyFormat.Hex,
            Headers = record.Headers,
            Payload = record.Value,
            PayloadFormat = record.Value is null ? PayloadFormat.Tombstone : PayloadFormat.Binary,
            MessageId = EventPosition.Format(record.Topic, record.Partition, record.Offset),
            MessageIdDerived = true,
        };
    }
}
