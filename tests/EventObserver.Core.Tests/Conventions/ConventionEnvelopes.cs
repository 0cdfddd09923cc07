using System.Text;

using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Tests.Conventions;

/// <summary>Envelopes as the decoder would leave them, with only what the conventions check reads.</summary>
internal static class ConventionEnvelopes
{
    public const long BaseMs = 1_740_830_400_000; // 2025-03-01 12:00 UTC

    public static EventEnvelope Message(
        string? type,
        MessageKind kind,
        string? correlation = "c-1",
        string? causation = "cause",
        string? source = "order-service",
        string topic = "orders.events",
        long offset = 0,
        int partition = 0,
        string? messageId = null,
        long? timestampMs = null,
        PayloadFormat format = PayloadFormat.Json,
        byte[]? payload = null) => new()
        {
            Topic = topic,
            Partition = partition,
            Offset = offset,
            TimestampMs = timestampMs ?? BaseMs + offset,
            Payload = format == PayloadFormat.Tombstone ? null : payload ?? Encoding.UTF8.GetBytes("{}"),
            PayloadFormat = format,
            MessageId = messageId ?? $"{topic}/{partition}/{offset}",
            MessageType = type,
            Kind = kind,
            CorrelationId = correlation,
            CausationId = causation,
            Source = source,
        };
}
