using EventObserver.Core.Envelopes;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Demo;
using EventObserver.Kafka.Embedded;
using EventObserver.Kafka.Tests.Support;
using EventObserver.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Tests.Demo;

/// <summary>The demo's stalled and late orders (what conversation monitoring shows as stuck, and stuck then resolved).</summary>
public sealed class DemoOrderOutcomeTests : IAsyncLifetime
{
    private readonly MockKafkaCluster _cluster = new(brokers: 1);
    private readonly TestIndexes _indexes = new();
    private IngestionHarness? _ingestion;

    public async Task InitializeAsync()
    {
        foreach (var topic in DemoTopics.All)
        {
            _cluster.CreateTopic(topic, 2);
        }

        _ingestion = await IngestionHarness.StartAsync(IngestionHarness.Options(_cluster.BootstrapServers), _indexes.Open);
    }

    public async Task DisposeAsync()
    {
        if (_ingestion is not null)
        {
            await _ingestion.DisposeAsync();
        }

        _indexes.Dispose();
        _cluster.Dispose();
    }

    [Fact]
    public async Task Burst_StallRateOne_StopsEveryPaidOrderAfterShipOrderOrChargePaymentWithNoReply()
    {
        using var generator = Generator(new DemoOptions { Enabled = false, PaymentFailureRate = 0, StallRate = 1, LateRate = 0 });

        var orders = await BurstAndIndexAsync(generator, orders: 40);

        var charged = orders.Where(o => Has(o, "ChargePayment")).Select(o => o.Select(e => e.MessageType).ToHashSet()).ToList();
        Assert.NotEmpty(charged);
        var atPayment = charged.Where(types => !types.Contains("PaymentCharged")).ToList();
        var atShipping = charged.Where(types => types.Contains("ShipOrder")).ToList();
        Assert.NotEmpty(atPayment);
        Assert.NotEmpty(atShipping);
        Assert.Equal(charged.Count, atPayment.Count + atShipping.Count);
        Assert.All(atPayment, types => Assert.Empty(types.Intersect(["PaymentFailed", "OrderCancelled", "ShipOrder"])));
        Assert.All(charged, types => Assert.Empty(types.Intersect(["OrderShipped", "SendNotification", "CustomerNotified", "OrderCompleted"])));
        Assert.Equal(0, generator.OrdersLate);
    }

    [Fact]
    public async Task Burst_LateRateOne_ShipsAfterTheDelayAndThenCompletes()
    {
        var delay = TimeSpan.FromSeconds(2);
        using var generator = Generator(new DemoOptions { Enabled = false, PaymentFailureRate = 0, StallRate = 0, LateRate = 1, LateDelay = delay });

        generator.Burst(8);
        await Eventually.TrueAsync(() => generator.OrdersRunning == 0, "every order to reach its late wait or its end");
        var lateAfterChains = generator.OrdersLate;
        var orders = await IndexedOrdersAsync(generator);

        var shipped = orders.Where(o => o.Any(e => e.MessageType == "ShipOrder")).ToList();
        Assert.NotEmpty(shipped);
        Assert.Equal(shipped.Count, lateAfterChains);
        foreach (var order in shipped)
        {
            var ship = order.Single(e => e.MessageType == "ShipOrder");
            var answer = order.Single(e => e.MessageType == "OrderShipped");
            Assert.True(answer.TimestampMs - ship.TimestampMs >= delay.TotalMilliseconds, $"OrderShipped {answer.TimestampMs - ship.TimestampMs} ms after ShipOrder");
            Assert.True(Has(order, "CustomerNotified") && Has(order, "OrderCompleted"), "the late order completes");
        }
    }

    [Fact]
    public async Task Burst_ALateOrder_DoesNotHoldUpTheOthers()
    {
        using var late = Generator(new DemoOptions { Enabled = false, PaymentFailureRate = 0, StallRate = 0, LateRate = 1, LateDelay = TimeSpan.FromMinutes(10) });

        late.Burst(4);
        await Eventually.TrueAsync(() => late.OrdersRunning == 0 && late.OrdersLate > 0, "the late orders to wait outside the running ones");
        late.Burst(2);
        await Eventually.TrueAsync(() => late.OrdersRunning == 0, "orders started after the late ones to reach their own wait");

        Assert.True(late.OrdersLate > 0);
        Assert.Equal(6, late.OrdersStarted);
    }

    private DemoTrafficGenerator Generator(DemoOptions demo)
    {
        var kafka = new KafkaOptions { BootstrapServers = _cluster.BootstrapServers };
        return new DemoTrafficGenerator(
            KafkaConnection.ForCluster(kafka, _cluster.BootstrapServers), Options.Create(demo), TimeProvider.System, NullLogger<DemoTrafficGenerator>.Instance);
    }

    private async Task<List<List<EventEnvelope>>> BurstAndIndexAsync(DemoTrafficGenerator generator, int orders)
    {
        generator.Burst(orders);
        await Eventually.TrueAsync(() => generator.OrdersRunning == 0, "every order chain to finish or stall");
        return await IndexedOrdersAsync(generator);
    }

    /// <summary>Every demo order's messages (PlaceOrder's correlation), once all produced messages are indexed.</summary>
    private async Task<List<List<EventEnvelope>>> IndexedOrdersAsync(DemoTrafficGenerator generator)
    {
        await Eventually.TrueAsync(() => generator.OrdersRunning == 0 && generator.OrdersLate == 0, "late orders to complete", TimeSpan.FromSeconds(30));
        var produced = generator.MessagesProduced;
        await Eventually.TrueAsync(() => _ingestion!.HasIndex && _ingestion.Index.GetStatistics().TotalEvents == produced, $"all {produced} demo messages to be indexed");
        var events = DemoTopics.All.SelectMany(t => _ingestion!.Index.All(t)).ToList();
        var orders = events.Where(e => e.MessageType == "PlaceOrder").Select(e => e.CorrelationId!).ToHashSet();
        return [.. events.Where(e => e.CorrelationId is not null && orders.Contains(e.CorrelationId)).GroupBy(e => e.CorrelationId!).Select(g => g.ToList())];
    }

    private static bool Has(List<EventEnvelope> order, string type) => order.Any(e => e.MessageType == type);
}
