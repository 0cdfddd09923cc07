using System.Text;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;

namespace EventObserver.Components.Tests.Feed;

/// <summary>Envelopes of schema-encoded values as ingestion leaves them: raw frame bytes, a JSON view and how it was decoded.</summary>
internal static class DecodedEnvelopes
{
    /// <summary>A Confluent frame (magic byte, schema id 42) followed by a few datum bytes: not text.</summary>
    public static readonly byte[] Frame = [0x00, 0x00, 0x00, 0x00, 0x2a, 0x02, 0x06, 0x6f, 0x2d, 0x31, 0xc8, 0x01];

    public static PayloadDecoding Avro(DecodeStatus status = DecodeStatus.Decoded, string? error = null) => new()
    {
        Format = SchemaFormat.Avro,
        Status = status,
        SchemaId = 42,
        Subject = status == DecodeStatus.Decoded ? "payments-value" : null,
        Version = status == DecodeStatus.Decoded ? 3 : null,
        TypeName = status == DecodeStatus.Decoded ? "EventObserver.Demo.Payments.PaymentCaptured" : null,
        Error = error,
    };

    public static EventEnvelope Value(long offset, string? json, PayloadDecoding decoding, byte[]? raw = null, string topic = "payments") => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = offset,
        TimestampMs = TestEnvelopes.Epoch.AddMilliseconds(offset).ToUnixTimeMilliseconds(),
        Payload = raw ?? Frame,
        PayloadFormat = PayloadFormat.Binary,
        DecodedPayload = json is null ? null : Encoding.UTF8.GetBytes(json),
        Decoding = decoding,
        MessageId = $"{topic}-0-{offset}",
        MessageType = "PaymentCaptured",
        Kind = MessageKind.Event,
    };
}
