using System.Text;
using EventObserver.Core.Envelopes;

namespace EventObserver.TestSupport;

/// <summary>Demo-shop orders for replay tests: the same events wherever a replay is tested (API, run manager, page).</summary>
public static class ShopOrders
{
    public const string Topic = "orders.events";

    private static readonly string[] Types = ["PlaceOrder", "OrderPlaced", "StockReserved", "PaymentCharged", "OrderShipped"];

    /// <summary>
    /// Per order: PlaceOrder, OrderPlaced, StockReserved, PaymentCharged, OrderShipped, all on <see cref="Topic"/>,
    /// order i on partition i % 2 with key <c>ord-00i</c>; step by step across orders, one millisecond apart.
    /// </summary>
    public static List<EventEnvelope> Create(int orders)
    {
        var events = new List<EventEnvelope>();
        var offsets = new long[2];
        for (var step = 0; step < Types.Length; step++)
        {
            for (var i = 0; i < orders; i++)
            {
                var partition = i % 2;
                var id = $"ord-{i:D3}";
                events.Add(new EventEnvelope
                {
                    Topic = Topic,
                    Partition = partition,
                    Offset = offsets[partition]++,
                    TimestampMs = 1_760_000_000_000 + events.Count,
                    KeyBytes = Encoding.UTF8.GetBytes(id),
                    Key = id,
                    KeyFormat = KeyFormat.Text,
                    Payload = Encoding.UTF8.GetBytes($$"""{"orderId":"{{id}}","total":{{10 + i}},"currency":"EUR","paymentId":"pay-{{i}}","carrier":"DHL"}"""),
                    PayloadFormat = PayloadFormat.Json,
                    MessageId = $"m-{step}-{i}",
                    MessageType = Types[step],
                    Kind = step == 0 ? MessageKind.Command : MessageKind.Event,
                    CorrelationId = "c-" + id,
                });
            }
        }

        return events;
    }
}
