using System.Text;
using EventObserver.Core.Envelopes;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// The <c>conversations</c> scenario's traffic: order conversations (PlaceOrder → OrderPlaced → ShipOrder →
/// OrderShipped, correlation and causation ids, ~1 KB payloads) kept at a constant number open, plus payment probes
/// (ChargeCard, never answered) whose short deadline measures detection delay. Timestamps are the wall clock.
/// </summary>
internal sealed class ConversationsTraffic
{
    public const string OrdersStart = "PlaceOrder";
    public const string OrdersDone = "OrderShipped";
    public const string ProbeStart = "ChargeCard";
    private const int Partitions = 8;

    private static readonly byte[][] Payloads = [.. Enumerable.Range(0, 16).Select(BenchEvents.Value)];

    private readonly Dictionary<(string Topic, int Partition), long> _offsets = [];
    private readonly Random _random = new(15);
    private long _oldestOpen;
    private long _nextOrder;
    private long _nextProbe;
    private long _nextStep;

    public long OpenOrders => _nextOrder - _oldestOpen;

    /// <summary>Starts <paramref name="count"/> orders (start and first reaction) dated <paramref name="atMs"/>, for the pre-fill.</summary>
    public List<EventEnvelope> Prefill(int count, long atMs)
    {
        var batch = new List<EventEnvelope>(count * 2);
        for (var i = 0; i < count; i++)
        {
            var order = _nextOrder++;
            batch.Add(Order(order, OrdersStart, 0, "storefront", "bench.orders.commands", atMs));
            batch.Add(Order(order, "OrderPlaced", 1, "orders-service", "bench.orders.events", atMs + 5));
        }

        return batch;
    }

    /// <summary>One writer tick: as many orders start as complete (the open count stays), probes, and steps in between.</summary>
    public List<EventEnvelope> Tick(int events, int probes, long nowMs)
    {
        var turnover = events / 4;
        var batch = new List<EventEnvelope>(events);
        for (var i = 0; i < turnover; i++)
        {
            batch.Add(Order(_nextOrder++, OrdersStart, 0, "storefront", "bench.orders.commands", nowMs));
            batch.Add(Order(_oldestOpen++, OrdersDone, 3, "shipping-service", "bench.shipping.events", nowMs));
        }

        for (var i = 0; i < probes; i++)
        {
            var probe = _nextProbe++;
            batch.Add(Message($"pay-{probe:D8}", $"pay-{probe:D8}-0", null, ProbeStart, "payments-api", "bench.payments.commands", nowMs));
        }

        while (batch.Count < events)
        {
            var order = _oldestOpen + _random.NextInt64(OpenOrders);
            var type = (_nextStep & 1) == 0 ? "ShipOrder" : "StockReserved";
            batch.Add(Message($"order-{order:D8}", $"step-{_nextStep++}", $"o{order}-1", type, "orders-service", "bench.orders.events", nowMs));
        }

        return batch;
    }

    private EventEnvelope Order(long order, string type, int step, string source, string topic, long atMs) =>
        Message($"order-{order:D8}", $"o{order}-{step}", step == 0 ? null : $"o{order}-{step - 1}", type, source, topic, atMs);

    private EventEnvelope Message(string correlation, string id, string? causation, string type, string source, string topic, long atMs)
    {
        var partition = (int)((uint)correlation.GetHashCode(StringComparison.Ordinal) % Partitions);
        var offset = _offsets.GetValueOrDefault((topic, partition));
        _offsets[(topic, partition)] = offset + 1;
        return new EventEnvelope
        {
            Topic = topic,
            Partition = partition,
            Offset = offset,
            TimestampMs = atMs,
            TimestampKind = TimestampKind.CreateTime,
            Key = correlation,
            KeyBytes = Encoding.UTF8.GetBytes(correlation),
            Payload = Payloads[(int)(offset % Payloads.Length)],
            PayloadFormat = PayloadFormat.Json,
            MessageId = id,
            MessageType = type,
            Kind = type.EndsWith("ed", StringComparison.Ordinal) ? MessageKind.Event : MessageKind.Command,
            CorrelationId = correlation,
            CausationId = causation,
            Source = source,
        };
    }
}
