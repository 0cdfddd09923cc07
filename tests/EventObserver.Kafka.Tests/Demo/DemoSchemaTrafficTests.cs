using System.Buffers.Binary;
using System.Text;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Demo;
using EventObserver.Kafka.Embedded;
using EventObserver.Kafka.SchemaRegistry;
using EventObserver.Kafka.Tests.Support;
using EventObserver.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Tests.Demo;

/// <summary>With the embedded schema registry, the payment service speaks Avro and the shipping service Protobuf.</summary>
public sealed class DemoSchemaTrafficTests : IAsyncLifetime
{
    private readonly MockKafkaCluster _cluster = new(brokers: 1);
    private readonly TestIndexes _indexes = new();
    private readonly EmbeddedSchemaRegistryHost _registry = new(Options.Create(new KafkaOptions()), NullLogger<EmbeddedSchemaRegistryHost>.Instance);
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
    public async Task Burst_PaymentEvents_AreConfluentAvroWithTheirIdOnlyInThePayload()
    {
        var events = await BurstAndIndexAsync(paymentFailureRate: 0.5);

        var payments = events.Where(e => e.Topic == DemoTopics.PaymentEvents).ToList();
        Assert.NotEmpty(payments);
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Url });
        var deserializer = new AvroDeserializer<GenericRecord>(client);
        var shipOrders = events.Where(e => e.Topic == DemoTopics.ShippingCommands).Select(e => Header(e, "ce_causationid")).ToHashSet();
        var names = new HashSet<string>();
        var chargedIds = new List<string>();
        foreach (var payment in payments)
        {
            var record = await deserializer.DeserializeAsync(payment.Payload, false, new SerializationContext(MessageComponentType.Value, payment.Topic));
            names.Add(record.Schema.Fullname);
            if (record.Schema.Name == "PaymentCharged")
            {
                chargedIds.Add(record["eventId"]!.ToString()!);
            }

            Assert.Equal(payment.Key, record["orderId"]);
            Assert.IsType<Guid>(record["eventId"]);
            Assert.DoesNotContain(payment.Headers, h => h.Key is "message-id" or "ce_id" or "id");
            Assert.Equal(payment.CorrelationId, Header(payment, "correlation-id"));
            Assert.NotNull(Header(payment, "causation-id"));
        }

        Assert.Contains("EventObserver.Demo.Payments.PaymentCharged", names);
        Assert.Contains("EventObserver.Demo.Payments.PaymentFailed", names);

        // What links a payment to the shipping command it caused is the payload's eventId.
        Assert.Contains(chargedIds, shipOrders.Contains);
    }

    [Fact]
    public async Task Burst_ShippingEvents_AreProtobufFramedWithTheirMessageIndexAndRegisteredSchema()
    {
        var events = await BurstAndIndexAsync(paymentFailureRate: 0);

        var shipped = events.Where(e => e.Topic == DemoTopics.ShippingEvents).ToList();
        Assert.NotEmpty(shipped);
        using var registry = new ConfluentSchemaRegistry(new SchemaRegistryOptions { Url = _registry.Url }, TimeProvider.System, NullLogger<ConfluentSchemaRegistry>.Instance);
        foreach (var e in shipped)
        {
            var frame = e.Payload!;
            Assert.Equal(0, frame[0]);
            var schema = (await registry.LookupAsync(BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(1, 4)), CancellationToken.None)).Schema;
            Assert.NotNull(schema);
            Assert.Equal((SchemaFormat.Protobuf, "shipping.events-value"), (schema.Format, schema.Subject));
            Assert.Contains("message OrderShipped", schema.Text, StringComparison.Ordinal);

            // Index path [1]: count 1 and index 1, each zigzag; then field 1 (order_id), length-delimited.
            Assert.Equal(new byte[] { 2, 2, 0x0A }, frame[5..8]);
            Assert.Equal(e.Key, Encoding.UTF8.GetString(frame, 9, frame[8]));
            Assert.NotNull(Header(e, "traceparent"));
        }
    }

    public async Task DisposeAsync()
    {
        if (_ingestion is not null)
        {
            await _ingestion.DisposeAsync();
        }

        await _registry.DisposeAsync();
        _indexes.Dispose();
        _cluster.Dispose();
    }

    private static string? Header(EventEnvelope e, string key) =>
        e.Headers.LastOrDefault(h => h.Key == key)?.Value is { } value ? Encoding.UTF8.GetString(value) : null;

    private async Task<List<EventEnvelope>> BurstAndIndexAsync(double paymentFailureRate)
    {
        var kafka = new KafkaOptions { BootstrapServers = _cluster.BootstrapServers };
        var demo = new DemoOptions { Enabled = false, PaymentFailureRate = paymentFailureRate, OrdersPerSecond = 1 };
        using var generator = new DemoTrafficGenerator(
            KafkaConnection.ForCluster(kafka, _cluster.BootstrapServers), Options.Create(demo), TimeProvider.System,
            NullLogger<DemoTrafficGenerator>.Instance, _registry);
        Assert.True(generator.SendsSchemaEncoded);
        generator.Burst(20);
        await Eventually.TrueAsync(() => generator.OrdersRunning == 0, "every order chain to finish");
        var produced = generator.MessagesProduced;
        await Eventually.TrueAsync(() => _ingestion!.HasIndex && _ingestion.Index.GetStatistics().TotalEvents == produced, $"all {produced} demo messages to be indexed");
        return DemoTopics.All.SelectMany(t => _ingestion!.Index.All(t)).ToList();
    }
}
