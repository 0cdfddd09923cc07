using EventObserver.Core.Conventions;
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

public sealed class DemoTrafficGeneratorTests : IAsyncLifetime
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

    [Fact]
    public async Task Burst_HappyPath_ProducesCausationChainsAcrossAtLeastSixTopics()
    {
        using var generator = Generator(paymentFailureRate: 0);

        var events = await BurstAndIndexAsync(generator, orders: 20);

        Assert.True(events.Select(e => e.Topic).Distinct().Count() >= 6);
        var chains = events.Where(e => e.CorrelationId is not null).GroupBy(e => e.CorrelationId!).ToList();
        var complete = chains.Where(c => c.Any(e => e.MessageType == "OrderCompleted")).ToList();
        Assert.NotEmpty(complete);
        foreach (var chain in complete)
        {
            AssertConnectedChain(chain.ToList());
            Assert.True(chain.Select(e => e.Topic).Distinct().Count() >= 6, $"chain {chain.Key} spans too few topics");
        }

        var place = events.First(e => e.MessageType == "PlaceOrder");
        Assert.Equal(MessageKind.Command, place.Kind);
        Assert.Equal(MessageKind.Event, events.First(e => e.MessageType == "OrderPlaced").Kind);
    }

    [Fact]
    public async Task Burst_OddMessages_AreAmongTheTraffic()
    {
        using var generator = Generator(paymentFailureRate: 0);

        var events = await BurstAndIndexAsync(generator, orders: 20);

        var audit = events.Where(e => e.Topic == DemoTopics.AuditLog).ToList();
        Assert.True(audit.Count == 3, string.Join(", ", audit.Select(e => $"{e.PayloadFormat} {e.Payload?.Length}")));
        Assert.Contains(audit, e => e.PayloadFormat == PayloadFormat.Text);
        Assert.Contains(audit, e => e.PayloadFormat == PayloadFormat.Binary);
        Assert.Contains(audit, e => e.PayloadFormat == PayloadFormat.Json && e.Payload!.Length >= DemoOddities.LargeJsonBytes);
        Assert.Contains(events, e => e.Topic == DemoTopics.OrderEvents && e.PayloadFormat == PayloadFormat.Tombstone);
    }

    [Fact]
    public async Task Burst_LegacyWarehouse_BreaksNamingAndIdConventionsBesideTheShop()
    {
        using var generator = Generator(paymentFailureRate: 0);

        var events = await BurstAndIndexAsync(generator, orders: 20);

        var legacy = events.Where(e => e.Source == LegacyWarehouse.Service).ToList();
        Assert.Equal(4, legacy.Count);
        Assert.All(legacy.Where(e => e.MessageType == LegacyWarehouse.StockEventType), e =>
        {
            Assert.Equal((DemoTopics.InventoryEvents, MessageKind.Event), (e.Topic, e.Kind));
            Assert.Null(e.CorrelationId);
        });
        Assert.All(legacy.Where(e => e.MessageType == LegacyWarehouse.RecountCommandType), e =>
        {
            Assert.Equal((DemoTopics.InventoryCommands, MessageKind.Command), (e.Topic, e.Kind));
            Assert.NotNull(e.CorrelationId);
        });
        var analyzer = new ConventionsAnalyzer();
        analyzer.AddRange(events.OrderBy(e => e.TimestampMs));
        var warehouse = analyzer.Build().Sources.Single(s => s.Source == LegacyWarehouse.Service);
        Assert.Equal(
            (2L, 2L, 2L, 0L),
            (warehouse.Finding(ConventionRule.EventNotPastTense).Count, warehouse.Finding(ConventionRule.CommandNotImperative).Count,
             warehouse.Finding(ConventionRule.MissingCorrelationId).Count, warehouse.Finding(ConventionRule.MissingCausationId).Count));
    }

    [Fact]
    public async Task Burst_PoisonPayments_AreDeadLetteredWithTheirOrigin()
    {
        using var generator = Generator(paymentFailureRate: 1);

        var events = await BurstAndIndexAsync(generator, orders: 40);

        var deadLetters = events.Where(e => e.Topic == DemoTopics.DeadLetters).ToList();
        Assert.NotEmpty(deadLetters);
        foreach (var deadLetter in deadLetters)
        {
            var origin = deadLetter.DeadLetterOf;
            Assert.NotNull(origin);
            Assert.Equal(DemoTopics.PaymentCommands, origin.Topic);
            Assert.Contains("BigDecimal", origin.Error);
            var original = _ingestion!.Index.Get(origin.Topic, origin.Partition!.Value, origin.Offset!.Value);
            Assert.NotNull(original);
            Assert.Equal("ChargePayment", original.MessageType);
            Assert.Equal(original.Payload, deadLetter.Payload);
        }

        Assert.Contains(events, e => e.MessageType == "PaymentFailed");
        Assert.DoesNotContain(events, e => e.MessageType == "OrderShipped");
    }

    [Fact]
    public async Task Hosted_WithRealClusterAndNoSetting_SendsNothing()
    {
        using var generator = Generator(paymentFailureRate: 0, enabled: null);

        await generator.StartAsync(CancellationToken.None);

        await generator.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(generator.IsEnabled);
        Assert.Equal(0, generator.OrdersStarted);
    }

    [Fact]
    public async Task Hosted_WhenEnabled_StartsOrdersUntilStopped()
    {
        using var generator = Generator(paymentFailureRate: 0, enabled: true, ordersPerSecond: 20);

        await generator.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => generator.OrdersStarted >= 5, "orders to start");
        await generator.StopAsync(CancellationToken.None);
        var afterStop = generator.OrdersStarted;

        Assert.True(generator.ExecuteTask!.IsCompleted);
        generator.Burst(1);
        Assert.Equal(afterStop, generator.OrdersStarted);
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

    private DemoTrafficGenerator Generator(double paymentFailureRate, bool? enabled = false, double ordersPerSecond = 1)
    {
        var kafka = new KafkaOptions { BootstrapServers = _cluster.BootstrapServers };
        var demo = new DemoOptions { Enabled = enabled, PaymentFailureRate = paymentFailureRate, OrdersPerSecond = ordersPerSecond };
        return new DemoTrafficGenerator(
            KafkaConnection.ForCluster(kafka, _cluster.BootstrapServers), Options.Create(demo), TimeProvider.System, NullLogger<DemoTrafficGenerator>.Instance);
    }

    private async Task<List<EventEnvelope>> BurstAndIndexAsync(DemoTrafficGenerator generator, int orders)
    {
        generator.Burst(orders);
        await Eventually.TrueAsync(() => generator.OrdersRunning == 0, "every order chain to finish");
        var produced = generator.MessagesProduced;
        await Eventually.TrueAsync(() => _ingestion!.HasIndex && _ingestion.Index.GetStatistics().TotalEvents == produced, $"all {produced} demo messages to be indexed");
        return DemoTopics.All.SelectMany(t => _ingestion!.Index.All(t)).ToList();
    }

    /// <summary>
    /// The PlaceOrder command starts the chain; every other message names a message of the same chain as its
    /// cause, except the shipping service's, which carry only a traceparent (the trace id is the correlation id).
    /// </summary>
    private static void AssertConnectedChain(List<EventEnvelope> chain)
    {
        var ids = chain.Select(e => e.MessageId).Concat(chain.Select(e => e.Id)).ToHashSet();
        var uncaused = chain.Where(e => e.CausationId is null).ToList();
        var root = Assert.Single(uncaused, e => e.Topic != DemoTopics.ShippingEvents);
        Assert.All(uncaused.Where(e => e != root), e => Assert.Equal(e.CorrelationId, e.TraceId));
        Assert.Equal("PlaceOrder", root.MessageType);
        Assert.All(chain, e => Assert.Equal(root.Key, e.Key));
        Assert.All(chain.Where(e => e.CausationId is not null), e => Assert.Contains(e.CausationId!, ids));
    }
}
