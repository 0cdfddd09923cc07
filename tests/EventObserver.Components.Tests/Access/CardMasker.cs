using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;

namespace EventObserver.Components.Tests.Access;

/// <summary>A stand-in masking rule: on <see cref="Topic"/>, <see cref="Raw"/> in payloads and header values becomes <see cref="Masked"/>.</summary>
internal sealed class CardMasker : IEventMasker
{
    public const string Topic = "shop.payments";
    public const string Raw = "4111-RAW-CARD";
    public const string Masked = "****-MASKED";

    public bool HasRules => true;

    public bool AppliesTo(string topic) => topic == Topic;

    public EventEnvelope Mask(EventEnvelope e) => e.Topic != Topic ? e : new EventEnvelope
    {
        Topic = e.Topic,
        Partition = e.Partition,
        Offset = e.Offset,
        TimestampMs = e.TimestampMs,
        KeyBytes = e.KeyBytes,
        Key = e.Key,
        KeyFormat = e.KeyFormat,
        Headers = [.. e.Headers.Select(h => new EnvelopeHeader(h.Key, Replace(h.Value)))],
        Payload = Replace(e.Payload),
        PayloadFormat = e.PayloadFormat,
        MessageId = e.MessageId,
        MessageType = e.MessageType,
        Kind = e.Kind,
        CorrelationId = e.CorrelationId,
        Source = e.Source,
    };

    private static byte[]? Replace(byte[]? bytes) =>
        bytes is null ? null : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(Raw, Masked, StringComparison.Ordinal));
}
