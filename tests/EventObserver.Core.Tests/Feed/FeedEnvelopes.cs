using System.Text;
using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Tests.Feed;

/// <summary>Envelopes for feed tests: small JSON events with the fields the filters look at.</summary>
internal static class FeedEnvelopes
{
    public static EventEnvelope Event(
        string topic,
        long offset,
        string? type = "OrderPlaced",
        MessageKind kind = MessageKind.Event,
        string? key = null,
        string? correlationId = null,
        string? source = null,
        string json = "{}",
        PayloadFormat format = PayloadFormat.Json,
        params (string Name, byte[]? Value)[] headers) => new()
        {
            Topic = topic,
            Partition = 0,
            Offset = offset,
            TimestampMs = 1_700_000_000_000 + offset,
            KeyBytes = key is null ? null : Encoding.UTF8.GetBytes(key),
            Key = key,
            KeyFormat = key is null ? KeyFormat.None : KeyFormat.Text,
            Headers = [.. headers.Select(h => new EnvelopeHeader(h.Name, h.Value))],
            Payload = Encoding.UTF8.GetBytes(json),
            PayloadFormat = format,
            MessageId = $"{topic}-{offset}",
            MessageType = type,
            Kind = kind,
            CorrelationId = correlationId,
            Source = source,
        };

    public static EventEnvelope WithPayload(string topic, long offset, int payloadBytes) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = offset,
        TimestampMs = 1_700_000_000_000 + offset,
        Payload = new byte[payloadBytes],
        PayloadFormat = PayloadFormat.Binary,
        MessageId = $"{topic}-{offset}",
    };

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static EventEnvelope[] Range(string topic, int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => Event(topic, i))];
}
