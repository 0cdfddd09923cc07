using System.Text;

using EventObserver.Core.Envelopes;

namespace EventObserver.Tests.Lineage;

/// <summary>Envelopes with chosen ids for lineage shapes; timestamps are a base time plus the given milliseconds.</summary>
public static class LineageMessages
{
    public static readonly DateTimeOffset BaseTime = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static EventEnvelope Message(
        string topic,
        long offset,
        string id,
        string type,
        MessageKind kind = MessageKind.Event,
        string? correlationId = null,
        string? causationId = null,
        long atMs = 0,
        DeadLetterOrigin? deadLetterOf = null) => new()
        {
            Topic = topic,
            Partition = 0,
            Offset = offset,
            TimestampMs = BaseTime.ToUnixTimeMilliseconds() + atMs,
            TimestampKind = TimestampKind.CreateTime,
            Key = "k-" + id,
            KeyBytes = Encoding.UTF8.GetBytes("k-" + id),
            KeyFormat = KeyFormat.Text,
            Payload = "{}"u8.ToArray(),
            PayloadFormat = PayloadFormat.Json,
            MessageId = id,
            MessageType = type,
            Kind = kind,
            CorrelationId = correlationId,
            CausationId = causationId,
            Source = "/shop/" + topic,
            TraceId = correlationId is { Length: 32 } ? correlationId : null,
            DeadLetterOf = deadLetterOf,
        };
}
