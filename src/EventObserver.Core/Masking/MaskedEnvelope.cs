using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Masking;

/// <summary>Builds the masked copy of an envelope: new payload (and JSON view), headers and masked list, every other field as it was.</summary>
internal static class MaskedEnvelope
{
    public static EventEnvelope Create(
        EventEnvelope e, byte[]? payload, byte[]? decodedPayload, IReadOnlyList<EnvelopeHeader> headers, IReadOnlyList<MaskedField> masked) => new()
    {
        Topic = e.Topic,
        Partition = e.Partition,
        Offset = e.Offset,
        TimestampMs = e.TimestampMs,
        TimestampKind = e.TimestampKind,
        KeyBytes = e.KeyBytes,
        Key = e.Key,
        KeyFormat = e.KeyFormat,
        Headers = headers,
        Payload = payload,
        PayloadFormat = e.PayloadFormat,
        DecodedPayload = decodedPayload,
        Decoding = e.Decoding,
        KeyDecoding = e.KeyDecoding,
        MessageId = e.MessageId,
        MessageIdDerived = e.MessageIdDerived,
        MessageType = e.MessageType,
        Kind = e.Kind,
        CorrelationId = e.CorrelationId,
        CausationId = e.CausationId,
        TraceId = e.TraceId,
        Source = e.Source,
        Subject = e.Subject,
        DeadLetterOf = e.DeadLetterOf,
        Masked = masked,
    };
}
