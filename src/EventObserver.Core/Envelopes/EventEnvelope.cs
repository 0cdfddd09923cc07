using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Masking;

namespace EventObserver.Core.Envelopes;

/// <summary>
/// One Kafka record as the dashboard understands it: its position, its raw bytes (kept exactly
/// for replay) and what could be read from them (kind, ids, lineage).
/// </summary>
public sealed class EventEnvelope
{
    public required string Topic { get; init; }
    public required int Partition { get; init; }
    public required long Offset { get; init; }

    /// <summary>Milliseconds since the Unix epoch, as Kafka gives it.</summary>
    public required long TimestampMs { get; init; }
    public TimestampKind TimestampKind { get; init; }

    /// <summary>The key bytes exactly as received; null when the record has no key.</summary>
    public byte[]? KeyBytes { get; init; }

    /// <summary>The key for display and lookups: UTF-8 text, or lower-case hex when not text.</summary>
    public string? Key { get; init; }
    public KeyFormat KeyFormat { get; init; }

    /// <summary>All headers in record order, duplicates kept, values as raw bytes.</summary>
    public IReadOnlyList<EnvelopeHeader> Headers { get; init; } = [];

    /// <summary>The value bytes exactly as received; null for a tombstone.</summary>
    public byte[]? Payload { get; init; }
    public PayloadFormat PayloadFormat { get; init; }

    /// <summary>
    /// The JSON view (UTF-8) of a schema-encoded value (Avro, Protobuf, JSON Schema framing, MessagePack); null when the
    /// value is not schema-encoded or could not be decoded. <see cref="Payload"/> keeps the raw bytes either way.
    /// </summary>
    public byte[]? DecodedPayload { get; init; }

    /// <summary>How the value was decoded (format, status, schema id, subject, version); null when not schema-encoded.</summary>
    public PayloadDecoding? Decoding { get; init; }

    /// <summary>How the key was decoded; null when the key is not schema-encoded. <see cref="Key"/> then holds its JSON view.</summary>
    public PayloadDecoding? KeyDecoding { get; init; }

    /// <summary>
    /// The value as JSON, whatever it was encoded with: the decoded view, else the payload itself when it is JSON.
    /// What every feature that reads the payload (search, previews, mappings, projections, masking) reads.
    /// </summary>
    public byte[]? JsonPayload => DecodedPayload ?? (PayloadFormat == PayloadFormat.Json ? Payload : null);

    public required string MessageId { get; init; }

    /// <summary>True when no convention gave an id and <see cref="MessageId"/> was derived from the position.</summary>
    public bool MessageIdDerived { get; init; }
    public string? MessageType { get; init; }
    public MessageKind Kind { get; init; }
    public string? CorrelationId { get; init; }
    public string? CausationId { get; init; }

    /// <summary>W3C trace id from traceparent, when present.</summary>
    public string? TraceId { get; init; }

    /// <summary>The producing service (CloudEvents source, originating endpoint, …).</summary>
    public string? Source { get; init; }

    /// <summary>The aggregate or entity the message is about (CloudEvents subject, …).</summary>
    public string? Subject { get; init; }

    /// <summary>Where a dead-lettered message originally came from, when its headers say so.</summary>
    public DeadLetterOrigin? DeadLetterOf { get; init; }

    /// <summary>
    /// What masking changed (empty when nothing was masked), so a masked or removed field is shown as masked, not as
    /// missing. The index does not keep it: an event masked at ingest and read back from the index has an empty list.
    /// </summary>
    public IReadOnlyList<MaskedField> Masked { get; init; } = [];

    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeMilliseconds(TimestampMs);

    /// <summary>Stable node id used by the API and lineage: <c>topic/partition/offset</c>.</summary>
    public string Id => EventPosition.Format(Topic, Partition, Offset);
}
