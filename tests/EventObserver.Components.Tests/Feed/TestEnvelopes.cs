using System.Text;

using EventObserver.Core.Envelopes;

namespace EventObserver.Components.Tests.Feed;

/// <summary>Envelopes with the fields the feed and the detail page show.</summary>
internal static class TestEnvelopes
{
    public static readonly DateTimeOffset Epoch = new(2025, 3, 1, 11, 59, 0, TimeSpan.Zero);

    public static EventEnvelope Json(
        string topic,
        long offset,
        string json = "{\"orderId\":\"o-1\"}",
        string? type = "OrderPlaced",
        MessageKind kind = MessageKind.Event,
        string? key = null,
        string? correlationId = null,
        string? source = null,
        int partition = 0,
        DateTimeOffset? at = null,
        params (string Name, string? Value)[] headers) =>
        Raw(topic, offset, Encoding.UTF8.GetBytes(json), PayloadFormat.Json, type, kind, key, correlationId, source, partition, at, headers);

    public static EventEnvelope Raw(
        string topic,
        long offset,
        byte[]? payload,
        PayloadFormat format,
        string? type = "Something",
        MessageKind kind = MessageKind.Message,
        string? key = null,
        string? correlationId = null,
        string? source = null,
        int partition = 0,
        DateTimeOffset? at = null,
        params (string Name, string? Value)[] headers) => new()
        {
            Topic = topic,
            Partition = partition,
            Offset = offset,
            TimestampMs = (at ?? Epoch.AddMilliseconds(offset)).ToUnixTimeMilliseconds(),
            KeyBytes = key is null ? null : Encoding.UTF8.GetBytes(key),
            Key = key,
            KeyFormat = key is null ? KeyFormat.None : KeyFormat.Text,
            Headers = [.. headers.Select(h => new EnvelopeHeader(h.Name, h.Value is null ? null : Encoding.UTF8.GetBytes(h.Value)))],
            Payload = payload,
            PayloadFormat = format,
            MessageId = $"{topic}-{partition}-{offset}",
            MessageType = type,
            Kind = kind,
            CorrelationId = correlationId,
            Source = source,
        };
}
