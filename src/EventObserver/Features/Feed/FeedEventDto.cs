using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Feed;

/// <summary>
/// An event as the hub streams it: the shape of an <c>/api/events</c> item plus <see cref="TimestampMs"/>
/// (the Kafka record timestamp in Unix milliseconds, so a client can measure latency) and the kind as text.
/// </summary>
public sealed record FeedEventDto(
    string Topic,
    int Partition,
    long Offset,
    DateTimeOffset Timestamp,
    long TimestampMs,
    string MessageId,
    string? Type,
    string Kind,
    string? CorrelationId,
    string? CausationId,
    string? Source,
    string? Key)
{
    public static FeedEventDto From(EventEnvelope e) => new(
        e.Topic, e.Partition, e.Offset, e.Timestamp, e.TimestampMs, e.MessageId, e.MessageType, KindName(e.Kind),
        e.CorrelationId, e.CausationId, e.Source, e.Key);

    // Cached names: ToString() on an enum allocates for every event.
    private static string KindName(MessageKind kind) => kind switch
    {
        MessageKind.Command => nameof(MessageKind.Command),
        MessageKind.Event => nameof(MessageKind.Event),
        _ => nameof(MessageKind.Message),
    };
}
