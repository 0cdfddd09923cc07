using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Tests.Conversations;

/// <summary>Builds envelopes for tracker tests: offsets count up per topic and partition, times are ms after <see cref="Epoch"/>.</summary>
internal sealed class ConversationTraffic
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<(string, int), long> _nextOffset = [];

    public EventEnvelope Message(
        string id,
        string? type,
        long atMs,
        string? correlation = null,
        string? causedBy = null,
        string? source = null,
        string topic = "orders",
        int partition = 0,
        DeadLetterOrigin? deadLetterOf = null,
        long? offset = null)
    {
        var at = offset ?? _nextOffset.GetValueOrDefault((topic, partition));
        _nextOffset[(topic, partition)] = Math.Max(at + 1, _nextOffset.GetValueOrDefault((topic, partition)));
        return new EventEnvelope
        {
            Topic = topic,
            Partition = partition,
            Offset = at,
            TimestampMs = Epoch.ToUnixTimeMilliseconds() + atMs,
            MessageId = id,
            MessageType = type,
            CorrelationId = correlation,
            CausationId = causedBy,
            Source = source,
            DeadLetterOf = deadLetterOf,
        };
    }

    /// <summary>One order conversation: PlaceOrder → OrderPlaced → ShipOrder (→ OrderShipped when <paramref name="shipped"/>).</summary>
    public List<EventEnvelope> Order(string correlation, long atMs, bool shipped = true, long shipAfterMs = 1_000)
    {
        List<EventEnvelope> messages =
        [
            Message(correlation + "-1", "PlaceOrder", atMs, correlation, source: "storefront", topic: "orders.commands"),
            Message(correlation + "-2", "OrderPlaced", atMs + 10, correlation, correlation + "-1", "orders-service", "orders.events"),
            Message(correlation + "-3", "ShipOrder", atMs + 20, correlation, correlation + "-2", "orders-service", "shipping.commands"),
        ];
        if (shipped)
        {
            messages.Add(Message(correlation + "-4", "OrderShipped", atMs + shipAfterMs, correlation, correlation + "-3", "shipping-service", "shipping.events"));
        }

        return messages;
    }
}
