using System.Text;

using EventObserver.Core.Envelopes;

namespace EventObserver.Storage.Tests.Support;

/// <summary>Builds realistic envelopes for index tests.</summary>
public static class Envelopes
{
    public const long BaseTimestampMs = 1_760_000_000_000;

    public static EventEnvelope Event(
        string topic,
        int partition,
        long offset,
        long? timestampMs = null,
        string? type = "Tick",
        string? correlationId = null,
        string? causationId = null,
        string? key = null,
        MessageKind kind = MessageKind.Event,
        string? messageId = null)
    {
        var id = messageId ?? $"{topic}-{partition}-{offset}";
        return new EventEnvelope
        {
            Topic = topic,
            Partition = partition,
            Offset = offset,
            TimestampMs = timestampMs ?? BaseTimestampMs + offset,
            TimestampKind = TimestampKind.CreateTime,
            KeyBytes = key is null ? null : Encoding.UTF8.GetBytes(key),
            Key = key,
            KeyFormat = key is null ? KeyFormat.None : KeyFormat.Text,
            Headers = [new EnvelopeHeader("ce_id", Encoding.UTF8.GetBytes(id))],
            Payload = Encoding.UTF8.GetBytes($"{{\"offset\":{offset}}}"),
            PayloadFormat = PayloadFormat.Json,
            MessageId = id,
            MessageType = type,
            Kind = kind,
            CorrelationId = correlationId,
            CausationId = causationId,
            Source = "order-service",
        };
    }

    /// <summary>A dead-letter copy of <paramref name="original"/>: same ids and headers, pointing back at its position.</summary>
    public static EventEnvelope DeadLetter(EventEnvelope original, string topic, int partition, long offset, long timestampMs, bool withPosition = true) => new()
    {
        Topic = topic,
        Partition = partition,
        Offset = offset,
        TimestampMs = timestampMs,
        TimestampKind = TimestampKind.CreateTime,
        Headers = [.. original.Headers, new EnvelopeHeader("kafka_dlt-original-topic", Encoding.UTF8.GetBytes(original.Topic))],
        Payload = original.Payload,
        PayloadFormat = original.PayloadFormat,
        MessageId = original.MessageId,
        MessageType = original.MessageType,
        Kind = original.Kind,
        CorrelationId = original.CorrelationId,
        CausationId = original.CausationId,
        Source = original.Source,
        DeadLetterOf = new DeadLetterOrigin(
            original.Topic,
            withPosition ? original.Partition : null,
            withPosition ? original.Offset : null,
            "boom"),
    };

    /// <summary>Offsets <paramref name="from"/> .. <paramref name="to"/> (inclusive) of one partition.</summary>
    public static List<EventEnvelope> Range(string topic, int partition, long from, long to) =>
        [.. Enumerable.Range(0, (int)(to - from + 1)).Select(i => Event(topic, partition, from + i))];

    public static string UniqueTopic(string prefix = "t") => $"{prefix}.{Guid.NewGuid():N}";
}
