using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;

namespace EventObserver.TestSupport.Access;

/// <summary>
/// A masker for tests (the real engine's rules do not matter here): on the topics given, the key becomes
/// <see cref="MaskedKey"/>, every header value and the payload <see cref="MaskedValue"/>, so a test sees whether what
/// left the server went through <see cref="IEventMasker.Mask"/>. Counts its calls.
/// </summary>
public sealed class KeyMasker(params string[] topics) : IEventMasker
{
    public const string MaskedKey = "masked-key";
    public const string MaskedValue = "****";

    private readonly HashSet<string> _topics = new(topics, StringComparer.Ordinal);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public bool HasRules => true;

    public bool AppliesTo(string topic) => _topics.Contains(topic);

    public EventEnvelope Mask(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        Interlocked.Increment(ref _calls);
        if (!AppliesTo(envelope.Topic))
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
            KeyBytes = Encoding.UTF8.GetBytes(MaskedKey),
            Key = MaskedKey,
            KeyFormat = KeyFormat.Text,
            Headers = [.. envelope.Headers.Select(h => new EnvelopeHeader(h.Key, Encoding.UTF8.GetBytes(MaskedValue)))],
            Payload = Encoding.UTF8.GetBytes($"\"{MaskedValue}\""),
            PayloadFormat = envelope.PayloadFormat,
            MessageId = envelope.MessageId,
            MessageIdDerived = envelope.MessageIdDerived,
            MessageType = envelope.MessageType,
            Kind = envelope.Kind,
            CorrelationId = envelope.CorrelationId,
            CausationId = envelope.CausationId,
            TraceId = envelope.TraceId,
            Source = envelope.Source,
            Subject = envelope.Subject,
            DeadLetterOf = envelope.DeadLetterOf,
        };
    }
}
