using System.Buffers.Binary;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using Avro.Generic;

using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;

using EventObserver.Kafka.Embedded;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport;

namespace EventObserver.Tests.Decoding;

/// <summary>
/// One mock cluster, one embedded Schema Registry and the real app reading both, with two conversations sent with no
/// headers at all: PlaceOrder → OrderPlaced → PaymentCharged as Avro (Confluent's own serializer) and
/// ReserveStock → StockReserved → ParcelDispatched as Protobuf (Confluent framing). Every id, correlation and causation
/// lives only in the payloads; every type only in the schemas.
/// </summary>
public sealed class SchemaConversationFixture : IAsyncLifetime
{
    public const string OrderCommands = "e2e.orders.commands";
    public const string OrderEvents = "e2e.orders.events";
    public const string PaymentEvents = "e2e.payments.events";
    public const string StockCommands = "e2e.stock.commands";
    public const string StockEvents = "e2e.stock.events";
    public const string ShippingEvents = "e2e.shipping.events";

    public const string AvroConversation = "avro-order-1";
    public const string ProtobufConversation = "proto-order-7";
    public const string Customer = "Ada Lovelace";

    private readonly MockKafkaCluster _cluster = new(brokers: 1);
    private readonly Dictionary<string, int> _schemaIds = new(StringComparer.Ordinal);
    private EmbeddedSchemaRegistry? _registry;
    private ClusterAppFactory? _factory;
    private HttpClient? _client;

    public HttpClient Client => _client ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The registry's schema id of the values sent to each topic.</summary>
    public IReadOnlyDictionary<string, int> SchemaIds => _schemaIds;

    public async Task InitializeAsync()
    {
        foreach (var topic in new[] { OrderCommands, OrderEvents, PaymentEvents, StockCommands, StockEvents, ShippingEvents })
        {
            _cluster.CreateTopic(topic, 1);
        }

        _registry = await EmbeddedSchemaRegistry.StartAsync(CancellationToken.None);
        using (var producer = new TestProducer(_cluster.BootstrapServers))
        using (var registryClient = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _registry.Url }))
        {
            await SendAvroAsync(producer, registryClient);
            await SendProtobufAsync(producer, registryClient);
        }

        _factory = new ClusterAppFactory(_cluster.BootstrapServers, new Dictionary<string, string>
        {
            ["EventObserver:Kafka:SchemaRegistry:Url"] = _registry.Url,
        });
        _client = _factory.CreateClient();
        await Eventually.TrueAsync(
            () => Count(AvroConversation) == 3 && Count(ProtobufConversation) == 3,
            "both conversations indexed by their payload correlation ids");
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        _cluster.Dispose();
    }

    private async Task SendAvroAsync(TestProducer producer, ISchemaRegistryClient registryClient)
    {
        var serializer = new AvroSerializer<GenericRecord>(registryClient, new AvroSerializerConfig { AutoRegisterSchemas = true });
        (string Topic, GenericRecord Record)[] conversation =
        [
            (OrderCommands, ShopAvro.Record(ShopAvro.PlaceOrder, "a-place-1", AvroConversation, null,
                ("orderId", "o-1"), ("customer", Customer))),
            (OrderEvents, ShopAvro.Record(ShopAvro.OrderPlaced, "a-placed-1", AvroConversation, "a-place-1",
                ("orderId", "o-1"), ("items", ShopAvro.Lines(("sku-1", 2), ("sku-2", 3))))),
            (PaymentEvents, ShopAvro.Record(ShopAvro.PaymentCharged, "a-charged-1", AvroConversation, "a-placed-1",
                ("orderId", "o-1"), ("amount", new Avro.AvroDecimal(42.50m)), ("currency", ShopAvro.Currency("EUR")))),
        ];
        foreach (var (topic, record) in conversation)
        {
            var value = await serializer.SerializeAsync(record, new SerializationContext(MessageComponentType.Value, topic));
            _schemaIds[topic] = BinaryPrimitives.ReadInt32BigEndian(value.AsSpan(1, 4));
            producer.Send(topic, Encoding.UTF8.GetBytes("o-1"), value);
        }
    }

    private async Task SendProtobufAsync(TestProducer producer, ISchemaRegistryClient registryClient)
    {
        (string Topic, int[] Path, byte[] Message)[] conversation =
        [
            (StockCommands, ShopProto.ReserveStockPath, ShopProto.Message("p-reserve-7", ProtobufConversation, null, ["o-7", "sku-9"],
                o => ShopProto.Int32(o, 4, 5))),
            (StockEvents, ShopProto.StockReservedPath, ShopProto.Message("p-reserved-7", ProtobufConversation, "p-reserve-7", ["o-7", "res-70"])),
            (ShippingEvents, ShopProto.ParcelDispatchedPath, ShopProto.Message("p-dispatched-7", ProtobufConversation, "p-reserved-7", ["o-7", "TRACK-7"],
                o => ShopProto.Timestamp(o, 4, DateTimeOffset.UtcNow))),
        ];
        foreach (var (topic, path, message) in conversation)
        {
            var id = await registryClient.RegisterSchemaAsync($"{topic}-value", new Schema(ShopProto.Schema, SchemaType.Protobuf));
            _schemaIds[topic] = id;
            producer.Send(topic, Encoding.UTF8.GetBytes("o-7"), ShopProto.Frame(id, path, message));
        }
    }

    private int Count(string correlationId) =>
        Client.GetFromJsonAsync<JsonElement>($"/api/events?correlationId={correlationId}").GetAwaiter().GetResult().GetArrayLength();
}
