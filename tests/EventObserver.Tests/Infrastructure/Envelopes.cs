using System.Text;

using EventObserver.Core.Envelopes;

namespace EventObserver.Tests.Infrastructure;

/// <summary>Builds envelopes the way the decoder would, for seeding the index.</summary>
public static class Envelopes
{
    public static readonly DateTimeOffset BaseTime = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static EventEnvelope Json(
        string topic,
        long offset,
        string type,
        MessageKind kind,
        string json,
        string? key = null,
        string? correlationId = null,
        string? causationId = null,
        int partition = 0,
        IReadOnlyList<EnvelopeHeader>? headers = null) => new()
        {
            Topic = topic,
            Partition = partition,
            Offset = offset,
            TimestampMs = BaseTime.AddSeconds(offset).ToUnixTimeMilliseconds(),
            TimestampKind = TimestampKind.CreateTime,
            KeyBytes = key is null ? null : Encoding.UTF8.GetBytes(key),
            Key = key,
            KeyFormat = key is null ? KeyFormat.None : KeyFormat.Text,
            Headers = headers ?? [],
            Payload = Encoding.UTF8.GetBytes(json),
            PayloadFormat = PayloadFormat.Json,
            MessageId = $"{topic}-{partition}-{offset}",
            MessageType = type,
            Kind = kind,
            CorrelationId = correlationId,
            CausationId = causationId,
            Source = "test-service",
        };

    public static EventEnvelope Binary(string topic, long offset, byte[] payload) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = offset,
        TimestampMs = BaseTime.AddSeconds(offset).ToUnixTimeMilliseconds(),
        TimestampKind = TimestampKind.CreateTime,
        KeyBytes = [0xff, 0x00],
        Key = "ff00",
        KeyFormat = KeyFormat.Hex,
        Headers = [new EnvelopeHeader("raw", [0xde, 0xad, 0xbe, 0xef]), new EnvelopeHeader("trace", Encoding.UTF8.GetBytes("abc"))],
        Payload = payload,
        PayloadFormat = PayloadFormat.Binary,
        MessageId = $"{topic}/0/{offset}",
        MessageIdDerived = true,
    };
}
