namespace EventObserver.Core.Envelopes;

/// <summary>A Kafka record as it comes off the wire, before decoding. Keeps Core free of Confluent.Kafka.</summary>
public sealed class RawRecord
{
    public required string Topic { get; init; }
    public required int Partition { get; init; }
    public required long Offset { get; init; }
    public required long TimestampMs { get; init; }
    public TimestampKind TimestampKind { get; init; }
    public byte[]? Key { get; init; }

    /// <summary>Null for a tombstone.</summary>
    public byte[]? Value { get; init; }
    public IReadOnlyList<EnvelopeHeader> Headers { get; init; } = [];
}
