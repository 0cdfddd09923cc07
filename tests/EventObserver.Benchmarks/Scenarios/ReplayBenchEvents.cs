using System.Globalization;
using System.Text;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Demo-shop-like ~1 KB order events: each order is a chain of eight messages over the demo's topics, orders
/// overlapping in blocks of 1,000 so partitions interleave in time as in real traffic.
/// </summary>
internal static class ReplayBenchEvents
{
    public const int StepsPerOrder = 8;
    public const int Partitions = 3;
    private const int Block = 1000;
    private const long BaseMs = 1_795_000_000_000;

    private static readonly (string Type, string Topic, MessageKind Kind)[] Steps =
    [
        ("PlaceOrder", "orders.commands", MessageKind.Command),
        ("OrderPlaced", "orders.events", MessageKind.Event),
        ("ReserveStock", "inventory.commands", MessageKind.Command),
        ("StockReserved", "inventory.events", MessageKind.Event),
        ("PaymentCharged", "payments.events", MessageKind.Event),
        ("OrderShipped", "shipping.events", MessageKind.Event),
        ("CustomerNotified", "notifications", MessageKind.Event),
        ("OrderCompleted", "orders.events", MessageKind.Event),
    ];

    /// <summary>The events in time order, in batches for <c>IEventIndex.Write</c>.</summary>
    public static IEnumerable<List<EventEnvelope>> Batches(int total, int batchSize)
    {
        var offsets = new Dictionary<(string, int), long>();
        var batch = new List<EventEnvelope>(batchSize);
        var produced = 0;
        for (var first = 0; produced < total; first += Block)
        {
            for (var step = 0; step < StepsPerOrder && produced < total; step++)
            {
                for (var order = first; order < first + Block && produced < total; order++)
                {
                    batch.Add(Create(order, step, produced, offsets));
                    produced++;
                    if (batch.Count == batchSize)
                    {
                        yield return batch;
                        batch = new List<EventEnvelope>(batchSize);
                    }
                }
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static EventEnvelope Create(int order, int step, int sequence, Dictionary<(string, int), long> offsets)
    {
        var (type, topic, kind) = Steps[step];
        var partition = order % Partitions;
        offsets.TryGetValue((topic, partition), out var offset);
        offsets[(topic, partition)] = offset + 1;
        var orderId = "order-" + order.ToString("D8", CultureInfo.InvariantCulture);
        var payload = Payload(orderId, order, type);
        return new EventEnvelope
        {
            Topic = topic,
            Partition = partition,
            Offset = offset,
            TimestampMs = BaseMs + sequence,
            TimestampKind = TimestampKind.CreateTime,
            KeyBytes = Encoding.UTF8.GetBytes(orderId),
            Key = orderId,
            KeyFormat = KeyFormat.Text,
            Headers =
            [
                new EnvelopeHeader("ce_id", Encoding.UTF8.GetBytes($"msg-{order}-{step}")),
                new EnvelopeHeader("ce_type", Encoding.UTF8.GetBytes(type)),
                new EnvelopeHeader("ce_correlationid", Encoding.UTF8.GetBytes("corr-" + orderId)),
                new EnvelopeHeader("content-type", "application/json"u8.ToArray()),
            ],
            Payload = payload,
            PayloadFormat = PayloadFormat.Json,
            MessageId = $"msg-{order}-{step}",
            MessageType = type,
            Kind = kind,
            CorrelationId = "corr-" + orderId,
            CausationId = step == 0 ? null : $"msg-{order}-{step - 1}",
            Source = topic.Split('.')[0] + "-service",
        };
    }

    private static byte[] Payload(string orderId, int order, string type)
    {
        var b = new StringBuilder(1100);
        b.Append("{\"orderId\":\"").Append(orderId).Append("\",\"customerId\":\"customer-").Append(order * 7919 % 100_000)
            .Append("\",\"currency\":\"EUR\",\"total\":").Append((order % 997 + 0.99).ToString(CultureInfo.InvariantCulture))
            .Append(",\"paymentId\":\"pay-").Append(order).Append("\",\"carrier\":\"DHL\",\"trackingNumber\":\"TRK").Append(order)
            .Append("\",\"template\":\"order-").Append(type).Append("\",\"lines\":[");
        for (var line = 0; line < 4; line++)
        {
            b.Append(line > 0 ? "," : string.Empty).Append("{\"sku\":\"SKU-").Append((order + line) * 31 % 50_000)
                .Append("\",\"name\":\"Product ").Append((order * 13 + line) % 977).Append(" deluxe edition\",\"quantity\":")
                .Append(line % 3 + 1).Append(",\"unitPrice\":").Append(((order + line) % 200 + 0.5).ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        b.Append("],\"note\":\"");
        while (b.Length < 1000)
        {
            b.Append("please leave the parcel at the door ");
        }

        b.Append("\"}");
        return Encoding.UTF8.GetBytes(b.ToString());
    }
}
