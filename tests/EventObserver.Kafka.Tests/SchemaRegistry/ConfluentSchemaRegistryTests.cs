using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Kafka.Embedded;
using EventObserver.Kafka.SchemaRegistry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Kafka.Tests.SchemaRegistry;

public sealed class ConfluentSchemaRegistryTests : IAsyncLifetime
{
    private EmbeddedSchemaRegistry _server = null!;

    public async Task InitializeAsync() => _server = await EmbeddedSchemaRegistry.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Lookup_IdFromConfluentAvroSerializer_FindsSchemaSubjectAndVersion()
    {
        var frame = await RegistryTestSchemas.SerializePaymentAsync(_server.Url, "evt-1");
        using var registry = Registry(_server.Url);

        var lookup = registry.Lookup(RegistryTestSchemas.IdOf(frame));

        Assert.Equal(DecodeStatus.Decoded, lookup.Status);
        var schema = lookup.Schema!;
        Assert.Equal(SchemaFormat.Avro, schema.Format);
        Assert.Equal(("payments.events-value", 1), (schema.Subject, schema.Version));
        Assert.Contains("Shop.Payments", schema.Text, StringComparison.Ordinal);
        Assert.Empty(schema.References);
    }

    [Fact]
    public async Task LookupAsync_IdFromConfluentJsonSerializer_FindsJsonSchema()
    {
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _server.Url });
        var serializer = new JsonSerializer<ShipmentDto>(client);
        var frame = await serializer.SerializeAsync(new ShipmentDto { OrderId = "ord-7", Parcels = 2 }, new SerializationContext(MessageComponentType.Value, "shipping.events"));
        using var registry = Registry(_server.Url);

        var lookup = await registry.LookupAsync(RegistryTestSchemas.IdOf(frame), CancellationToken.None);

        Assert.Equal(DecodeStatus.Decoded, lookup.Status);
        Assert.Equal((SchemaFormat.Json, "shipping.events-value", 1), (lookup.Schema!.Format, lookup.Schema.Subject, lookup.Schema.Version));
        Assert.Contains("Parcels", lookup.Schema.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupAsync_ProtobufWithReference_ResolvesTheImportToItsText()
    {
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _server.Url });
        await client.RegisterSchemaAsync("shop/common/money.proto", new Schema(RegistryTestSchemas.Money, SchemaType.Protobuf));
        var id = await client.RegisterSchemaAsync("refunds-value", new Schema(
            RegistryTestSchemas.Refund, [new SchemaReference("shop/common/money.proto", "shop/common/money.proto", 1)], SchemaType.Protobuf));
        using var registry = Registry(_server.Url);

        var lookup = await registry.LookupAsync(id, CancellationToken.None);

        Assert.Equal(DecodeStatus.Decoded, lookup.Status);
        Assert.Equal(SchemaFormat.Protobuf, lookup.Schema!.Format);
        var reference = Assert.Single(lookup.Schema.References);
        Assert.Equal(("shop/common/money.proto", RegistryTestSchemas.Money), (reference.Name, reference.Text));
    }

    [Fact]
    public void Lookup_UnknownId_IsUnknown()
    {
        using var registry = Registry(_server.Url);

        var lookup = registry.Lookup(4242);

        Assert.Equal(DecodeStatus.UnknownSchema, lookup.Status);
        Assert.Contains("4242", lookup.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_RegistryAnswers500_IsUnavailableNamingTheUrl()
    {
        _server.Fault = RegistryFault.ServerError;
        using var registry = Registry(_server.Url);

        var lookup = registry.Lookup(1);

        Assert.Equal(DecodeStatus.SchemaUnavailable, lookup.Status);
        Assert.Contains(_server.Url, lookup.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_NothingListening_IsUnavailableNamingTheUrl()
    {
        const string Closed = "http://127.0.0.1:9";
        using var registry = Registry(Closed);

        var lookup = registry.Lookup(1);

        Assert.Equal(DecodeStatus.SchemaUnavailable, lookup.Status);
        Assert.Contains(Closed, lookup.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_RegistryStallsPastTheTimeout_IsUnavailableWithinAboutTheTimeout()
    {
        var frame = await RegistryTestSchemas.SerializePaymentAsync(_server.Url, "evt-1");
        _server.Fault = RegistryFault.Stall;
        using var registry = Registry(_server.Url, timeoutMs: 300);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var lookup = registry.Lookup(RegistryTestSchemas.IdOf(frame));

        Assert.Equal(DecodeStatus.SchemaUnavailable, lookup.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
        Assert.Contains(_server.Url, lookup.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_AfterAFailure_AsksAgainOnlyOnceTheRetryPeriodPassed()
    {
        var id = RegistryTestSchemas.IdOf(await RegistryTestSchemas.SerializePaymentAsync(_server.Url, "evt-1"));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var registry = Registry(_server.Url, time: time, retryAfterSeconds: 30);
        _server.Fault = RegistryFault.ServerError;
        Assert.Equal(DecodeStatus.SchemaUnavailable, registry.Lookup(id).Status);
        _server.Fault = RegistryFault.None;
        var asked = SchemaRequests(id);

        var withinPeriod = registry.Lookup(id);
        time.Advance(TimeSpan.FromSeconds(31));
        var afterPeriod = registry.Lookup(id);

        Assert.Equal(DecodeStatus.SchemaUnavailable, withinPeriod.Status);
        Assert.Equal(DecodeStatus.Decoded, afterPeriod.Status);
        Assert.Equal(asked + 1, SchemaRequests(id));
    }

    [Fact]
    public async Task Lookup_FoundOnce_IsAnsweredFromMemoryWhenTheRegistryFailsLater()
    {
        var id = RegistryTestSchemas.IdOf(await RegistryTestSchemas.SerializePaymentAsync(_server.Url, "evt-1"));
        using var registry = Registry(_server.Url);
        Assert.Equal(DecodeStatus.Decoded, registry.Lookup(id).Status);
        _server.Fault = RegistryFault.ServerError;

        var again = registry.Lookup(id);

        Assert.Equal(DecodeStatus.Decoded, again.Status);
    }

    [Fact]
    public async Task LookupAsync_ConcurrentCallersOfOneId_ShareOneRequest()
    {
        var id = RegistryTestSchemas.IdOf(await RegistryTestSchemas.SerializePaymentAsync(_server.Url, "evt-1"));
        _server.StallFor = TimeSpan.FromMilliseconds(300);
        _server.Fault = RegistryFault.Stall;
        using var registry = Registry(_server.Url, timeoutMs: 5000);

        var lookups = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => registry.LookupAsync(id, CancellationToken.None))));

        Assert.All(lookups, l => Assert.Equal(DecodeStatus.Decoded, l.Status));
        Assert.Equal(1, SchemaRequests(id));
    }

    [Fact]
    public async Task Lookup_RegistryRequiringBasicAuth_FindsWithCredentialsAndIsUnavailableWithout()
    {
        await using var secured = await EmbeddedSchemaRegistry.StartAsync("svc:s3cret", CancellationToken.None);
        var id = RegistryTestSchemas.IdOf(await RegistryTestSchemas.SerializePaymentAsync(secured.Url, "evt-1", userInfo: "svc:s3cret"));
        using var withCredentials = Registry(secured.Url, configure: o => o.BasicAuthUserInfo = "svc:s3cret");
        using var without = Registry(secured.Url);

        var found = withCredentials.Lookup(id);
        var refused = without.Lookup(id);

        Assert.Equal((DecodeStatus.Decoded, "payments.events-value"), (found.Status, found.Schema!.Subject));
        Assert.Equal(DecodeStatus.SchemaUnavailable, refused.Status);
    }

    private int SchemaRequests(int id) => _server.Requests.Count(r => r == $"GET /schemas/ids/{id}");

    private static ConfluentSchemaRegistry Registry(
        string url, int timeoutMs = 2000, TimeProvider? time = null, int retryAfterSeconds = 30, Action<SchemaRegistryOptions>? configure = null)
    {
        var options = new SchemaRegistryOptions { Url = url, TimeoutMs = timeoutMs, RetryAfterSeconds = retryAfterSeconds };
        configure?.Invoke(options);
        return new ConfluentSchemaRegistry(options, time ?? TimeProvider.System, NullLogger<ConfluentSchemaRegistry>.Instance);
    }

    /// <summary>Serialized by Confluent's JSON Schema serializer, which derives the schema from the type.</summary>
    public sealed class ShipmentDto
    {
        public string OrderId { get; set; } = string.Empty;
        public int Parcels { get; set; }
    }
}
