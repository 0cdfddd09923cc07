using EventObserver.Core.Decoding;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Feed;
using EventObserver.Core.Indexing;
using EventObserver.Core.Lineage;
using EventObserver.Core.Metrics;
using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Demo;
using EventObserver.Kafka.Embedded;
using EventObserver.Kafka.Ingestion;
using EventObserver.Kafka.SchemaRegistry;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Tests.Embedded;

/// <summary>The Kafka services wired the way the web host does it, with no configuration: embedded broker plus demo traffic.</summary>
public sealed class EmbeddedHostTests
{
    [Fact]
    public async Task NoConfiguration_EmbeddedBrokerAndDemoTraffic_FillTheIndexAcrossDemoTopics()
    {
        using var temp = new TempDirectory("eventobserver-host");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["EventObserver:Storage:Path"] = temp.File("index.db");
        builder.Configuration["EventObserver:Demo:OrdersPerSecond"] = "10";
        AddKafkaServices(builder);
        using var host = builder.Build();

        await host.StartAsync();
        var provider = host.Services.GetRequiredService<EventIndexProvider>();
        var status = host.Services.GetRequiredService<IngestionStatus>();
        var topics = await Eventually.MatchAsync(
            () => provider.Current?.GetStatistics().Topics.Keys.ToList() ?? [],
            t => t.Count >= 6,
            "demo messages indexed in at least six topics");
        var inspected = host.Services.GetRequiredService<IClusterInspector>().GetTopics();
        var avro = await Eventually.MatchAsync(
            () => provider.Current?.Get(DemoTopics.PaymentEvents, 0, 0) ?? provider.Current?.Get(DemoTopics.PaymentEvents, 1, 0) ?? provider.Current?.Get(DemoTopics.PaymentEvents, 2, 0),
            e => e is not null,
            "a payment event indexed");
        var schemaId = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(avro!.Payload.AsSpan(1, 4));
        var lookup = await host.Services.GetRequiredService<ISchemaRegistry>().LookupAsync(schemaId, CancellationToken.None);
        await host.StopAsync();

        Assert.All(topics, t => Assert.Contains(t, DemoTopics.All));
        Assert.True(status.IsEmbedded);
        Assert.Equal(BrokerState.Connected, status.BrokerState);
        Assert.Equal(DemoTopics.All.Order(), inspected.Select(t => t.Name).Order());
        Assert.Equal((0, DecodeStatus.Decoded, "payments.events-value"), (avro.Payload![0], lookup.Status, lookup.Schema?.Subject));
    }

    /// <summary>The registrations Program.cs needs for the Kafka side (storage and core included).</summary>
    private static void AddKafkaServices(HostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<KafkaOptions>(builder.Configuration.GetSection("EventObserver:Kafka"));
        services.Configure<DemoOptions>(builder.Configuration.GetSection("EventObserver:Demo"));
        services.Configure<StorageOptions>(builder.Configuration.GetSection("EventObserver:Storage"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new LineageOptions());
        services.AddSingleton<EnvelopeDecoder>();
        services.AddSingleton<EventIndexProvider>();
        services.AddSingleton<ICurrentIndex>(sp => sp.GetRequiredService<EventIndexProvider>());
        services.AddSingleton<IngestionStatus>();
        services.AddSingleton<ILiveFeed, LiveFeed>();
        services.AddSingleton<ICommittedBatchObserver>(sp => new TopicRateObserver(sp.GetRequiredService<IngestionStatus>().Rates));
        services.AddSingleton<ICommittedBatchObserver>(sp => new LiveFeedObserver(sp.GetRequiredService<ILiveFeed>()));
        services.AddSingleton<EmbeddedBroker>();
        services.AddSingleton<KafkaConnection>();
        services.AddSingleton<EmbeddedSchemaRegistryHost>();
        services.AddSingleton<ISchemaRegistry>(sp => SchemaRegistrySelection.Create(
            sp.GetRequiredService<IOptions<KafkaOptions>>().Value,
            sp.GetRequiredService<EmbeddedSchemaRegistryHost>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IClusterInspector, ClusterInspector>();
        services.AddHostedService<IngestionService>();
        services.AddSingleton<DemoTrafficGenerator>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoTrafficGenerator>());
    }
}
