using EventObserver.Core.Envelopes;
using EventObserver.Tests.Infrastructure;

using static EventObserver.Tests.Lineage.LineageMessages;

namespace EventObserver.Tests.Lineage;

/// <summary>One app whose index holds crafted lineage shapes: an order chain with a dead letter, a diamond, a cycle, an orphan, a wide fan-out and a 10,000-deep chain.</summary>
public sealed class LineageShapesFixture : IDisposable
{
    public const string OrderCorrelation = "order-conv-1";
    public const int FanOut = 30;
    public const int DeepChain = 10_000;

    public LineageShapesFixture()
    {
        Factory.Seed(
            Message("lin.orders.commands", 0, "place-1", "PlaceOrder", MessageKind.Command, OrderCorrelation, atMs: 0),
            Message("lin.orders.events", 0, "placed-1", "OrderPlaced", MessageKind.Event, OrderCorrelation, "place-1", atMs: 35),
            Message("lin.payments.commands", 0, "charge-1", "ChargePayment", MessageKind.Command, OrderCorrelation, "placed-1", atMs: 80),
            Message("lin.payments.events", 0, "failed-1", "PaymentFailed", MessageKind.Event, OrderCorrelation, "charge-1", atMs: 1280),
            Message("lin.payments.dlt", 0, "charge-1", "ChargePayment", MessageKind.Command, OrderCorrelation, "placed-1", atMs: 1500,
                deadLetterOf: new DeadLetterOrigin("lin.payments.commands", 0, 0, "cannot deserialize")));
        Factory.Seed(
            Message("dia.start", 0, "d-a", "OrderPlaced"),
            Message("dia.shipping", 0, "d-b", "OrderAccepted", causationId: "d-a", atMs: 10),
            Message("dia.billing", 0, "d-b", "OrderAccepted", causationId: "d-a", atMs: 11),
            Message("dia.join", 0, "d-d", "OrderReady", causationId: "d-b", atMs: 20));
        Factory.Seed(
            Message("cyc.loop", 0, "cy-a", "Ping", causationId: "cy-c"),
            Message("cyc.loop", 1, "cy-b", "Pong", causationId: "cy-a", atMs: 1),
            Message("cyc.loop", 2, "cy-c", "Ping", causationId: "cy-b", atMs: 2));
        Factory.Seed(Message("orphans", 0, "or-1", "RefundIssued", causationId: "ghost-1"));
        Factory.Seed(
        [
            Message("fan.root", 0, "fan-0", "PriceChanged", correlationId: "fan-corr"),
            .. Enumerable.Range(1, FanOut).Select(i => Message("fan.kids", i, $"fan-{i}", "RecalculateCart", MessageKind.Command, "fan-corr", "fan-0", atMs: i)),
        ]);
        Factory.Seed([.. Enumerable.Range(0, DeepChain).Select(i =>
            Message("deep.chain", i, $"deep-{i}", i % 2 == 0 ? "Ping" : "Pong", causationId: i == 0 ? null : $"deep-{i - 1}", atMs: i))]);
        Client = Factory.CreateClient();
    }

    public SeededAppFactory Factory { get; } = new();

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
