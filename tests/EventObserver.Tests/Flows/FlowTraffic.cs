using EventObserver.Core.Envelopes;

namespace EventObserver.Tests.Flows;

/// <summary>Crafted shop traffic relative to the real clock (the flow map's window ends now), one partition per topic.</summary>
public sealed class FlowTraffic(DateTimeOffset now)
{
    private readonly List<EventEnvelope> _all = [];
    private readonly Dictionary<string, long> _offsets = new(StringComparer.Ordinal);

    public EventEnvelope[] All => [.. _all];

    public EventEnvelope Add(
        string topic,
        string id,
        string type,
        MessageKind kind,
        string? source,
        TimeSpan ago,
        string? correlationId,
        string? causationId = null,
        DeadLetterOrigin? deadLetterOf = null,
        int partition = 0)
    {
        var offset = _offsets.GetValueOrDefault(topic + "/" + partition);
        _offsets[topic + "/" + partition] = offset + 1;
        var envelope = new EventEnvelope
        {
            Topic = topic,
            Partition = partition,
            Offset = offset,
            TimestampMs = (now - ago).ToUnixTimeMilliseconds(),
            TimestampKind = TimestampKind.CreateTime,
            Payload = "{}"u8.ToArray(),
            PayloadFormat = PayloadFormat.Json,
            MessageId = id,
            MessageType = type,
            Kind = kind,
            CorrelationId = correlationId,
            CausationId = causationId,
            Source = source,
            DeadLetterOf = deadLetterOf,
        };
        _all.Add(envelope);
        return envelope;
    }
}
