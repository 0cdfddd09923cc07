using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Masking;

/// <summary>
/// How an envelope says its raw value bytes were withheld by masking: a decoded value (a JSON view and its
/// <see cref="EventEnvelope.Decoding"/>) whose <see cref="EventEnvelope.Payload"/> is an empty array. No schema-encoded
/// value is empty (a Confluent frame alone is 5 bytes), so the pair reads the same after the index stored it, where
/// <see cref="EventEnvelope.Masked"/> is not kept.
/// </summary>
public static class RawPayloadWithheld
{
    /// <summary>What stands in for the raw bytes of a decoded value that masking changed.</summary>
    public static byte[] Marker => [];

    public static bool Is(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope.Payload is { Length: 0 } && envelope.DecodedPayload is not null && envelope.Decoding is not null;
    }
}
