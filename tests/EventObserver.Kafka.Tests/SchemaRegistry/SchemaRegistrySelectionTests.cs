using EventObserver.Core.Decoding.Schemas;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Embedded;
using EventObserver.Kafka.SchemaRegistry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Tests.SchemaRegistry;

public sealed class SchemaRegistrySelectionTests
{
    [Fact]
    public async Task Create_RealClusterWithoutUrl_IsNoRegistryAndStartsNoEmbeddedOne()
    {
        var kafka = new KafkaOptions { BootstrapServers = "broker:9092" };
        await using var embedded = Host(kafka);

        var registry = Select(kafka, embedded);

        Assert.Null(embedded.Url);
        Assert.Same(NoSchemaRegistry.Instance, registry);
    }

    [Fact]
    public async Task Create_UrlConfigured_IsTheConfluentClientForThatUrl()
    {
        var kafka = new KafkaOptions { BootstrapServers = "broker:9092", SchemaRegistry = { Url = "http://registry-a:8081, http://registry-b:8081" } };
        await using var embedded = Host(kafka);

        using var registry = Assert.IsType<ConfluentSchemaRegistry>(Select(kafka, embedded));

        Assert.Null(embedded.Url);
        Assert.Equal("http://registry-a:8081, http://registry-b:8081", registry.Url);
    }

    [Fact]
    public async Task Create_EmbeddedDemo_PointsAtTheEmbeddedRegistry()
    {
        var kafka = new KafkaOptions();
        await using var embedded = Host(kafka);

        using var registry = Assert.IsType<ConfluentSchemaRegistry>(Select(kafka, embedded));

        Assert.NotNull(embedded.Url);
        Assert.Equal(embedded.Url, registry.Url);
        Assert.Equal(DecodeStatus.UnknownSchema, (await registry.LookupAsync(1, CancellationToken.None)).Status);
    }

    private static EmbeddedSchemaRegistryHost Host(KafkaOptions kafka) =>
        new(Options.Create(kafka), NullLogger<EmbeddedSchemaRegistryHost>.Instance);

    private static ISchemaRegistry Select(KafkaOptions kafka, EmbeddedSchemaRegistryHost embedded) =>
        SchemaRegistrySelection.Create(kafka, embedded, TimeProvider.System, NullLoggerFactory.Instance);
}
