using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;

namespace EventObserver.Tests.Access;

/// <summary>
/// A stand-in for the masking engine: on <see cref="Topic"/> it replaces <see cref="RawValue"/> in the payload and in
/// header values with <see cref="MaskedValue"/>, and marks the source (which the hub's summaries carry) as masked.
/// </summary>
public sealed class FakeMasker(string topic) : IEventMasker
{
    public const string RawValue = "4111-RAW-CARD";
    public const string MaskedValue = "****-MASKED";
    public const string MaskedSource = "masked-source";

    public string Topic { get; } = topic;

    public bool HasRules => true;

    public bool AppliesTo(string topic) => topic == Topic;

    public EventEnvelope Mask(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Topic != Topic)
        {
            return envelope;
        }

        return new EventEnvelope
        {
            Topic = envelope.Topic,
            Partition = envelope.Partition,
            Offset = envelope.Offset,
            TimestampMs = envelope.TimestampMs,
            TimestampKind = envelope.TimestampKind,
            KeyBytes = envelope.KeyBytes,
            Key = envelope.Key,
            KeyFormat = envelope.KeyFormat,
            Headers = [.. envelope.Headers.Select(h => new EnvelopeHeader(h.Key, Replace(h.Value)))],
            Payload = Replace(envelope.Payload),
            PayloadFormat = envelope.PayloadFormat,
            MessageId = envelope.MessageId,
            MessageIdDerived = envelope.MessageIdDerived,
            MessageType = envelope.MessageType,
            Kind = envelope.Kind,
            CorrelationId = envelope.CorrelationId,
            CausationId = envelope.CausationId,
            TraceId = envelope.TraceId,
            Source = MaskedSource,
            Subject = envelope.Subject,
            DeadLetterOf = envelope.DeadLetterOf,
        };
    }

    private static byte[]? Replace(byte[]? bytes) =>
        bytes is null ? null : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(RawValue, MaskedValue, StringComparison.Ordinal));
}
