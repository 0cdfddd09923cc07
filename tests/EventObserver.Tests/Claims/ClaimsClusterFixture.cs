using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Core.Feed;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventObserver.Tests.Claims;

/// <summary>
/// One app ingesting from a mock cluster, its settings given the ways a user gives them: host settings for
/// <c>Kafka:StartFrom=Latest</c>, <c>Kafka:MaxBatchSize</c>, <c>Kafka:MetadataRefreshMs</c> and publishing, an
/// appsettings-style JSON file for <c>Lineage:Mappings</c> and an environment variable for a dotted
/// <c>Kafka:Client</c> key.
/// </summary>
public sealed class ClaimsClusterFixture : IDisposable
{
    public const int MaxBatchSize = 7;
    public const string ClientId = "claims-client-id";
    public const string PublishTargetPrefix = "claims.replay.";

    // Process-wide variables are seen by every app the test process starts, so this one carries a prefix only this
    // app reads (stripped by the same environment-variable provider the app uses for the plain names).
    private readonly string _environmentPrefix = $"EOCLAIMS{Guid.NewGuid():N}_";
    private readonly TempDirectory _directory = new();
    private readonly ClusterAppFactory _baseFactory;

    public ClaimsClusterFixture()
    {
        Environment.SetEnvironmentVariable(_environmentPrefix + "EventObserver__Kafka__Client__client.id", ClientId);
        var appsettings = Path.Combine(_directory.Path, "appsettings.claims.json");
        File.WriteAllText(appsettings, """
            { "EventObserver": { "Lineage": { "Mappings": [
              { "Field": "CorrelationId", "Header": "x-request-id" },
              { "Field": "MessageType", "JsonPath": "$.eventName" }
            ] } } }
            """);

        // Topics that exist before the app starts, so StartFrom applies to them from the first assignment on.
        LatestTopic = Cluster.CreateTopic("claims-latest");
        BatchTopic = Cluster.CreateTopic("claims-batch");
        MappingTopic = Cluster.CreateTopic("claims-mapping");
        SourceTopic = Cluster.CreateTopic("claims-source");
        TargetTopic = Cluster.CreateTopic(PublishTargetPrefix + "orders");
        Producer = new TestProducer(Cluster.BootstrapServers);
        for (var i = 0; i < BeforeStartCount; i++)
        {
            Producer.Send(LatestTopic, $"before-{i}", $$"""{"n":{{i}}}""");
        }

        _baseFactory = new ClusterAppFactory(Cluster.BootstrapServers);
        Factory = _baseFactory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("EventObserver:Kafka:StartFrom", "Latest");
            builder.UseSetting("EventObserver:Kafka:MaxBatchSize", MaxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("EventObserver:Kafka:MetadataRefreshMs", "300");
            builder.UseSetting("EventObserver:Replay:AllowPublish", "true");
            builder.UseSetting("EventObserver:Replay:AllowedTargets:0", "^claims\\.replay\\.");
            builder.ConfigureAppConfiguration(config => config
                .AddJsonFile(appsettings, optional: false)
                .AddEnvironmentVariables(_environmentPrefix));
            builder.ConfigureTestServices(services => services.AddSingleton<ILiveFeed>(sp =>
                new BatchRecordingFeed(new LiveFeed(sp.GetRequiredService<IOptions<LiveFeedOptions>>().Value))));
        });
        Client = Factory.CreateClient();
    }

    public const int BeforeStartCount = 5;

    public string LatestTopic { get; }

    public string BatchTopic { get; }

    public string MappingTopic { get; }

    public string SourceTopic { get; }

    public string TargetTopic { get; }

    public MockClusterFixture Cluster { get; } = new();

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client { get; }

    public TestProducer Producer { get; }

    public BatchRecordingFeed Feed => (BatchRecordingFeed)Factory.Services.GetRequiredService<ILiveFeed>();

    public async Task<JsonElement[]> EventsAsync(string topic, int limit = 1000) =>
        (await Client.GetFromJsonAsync<JsonElement[]>($"/api/events?topic={Uri.EscapeDataString(topic)}&limit={limit}"))!;

    /// <summary>
    /// With <c>StartFrom=Latest</c> a new topic's messages count only from its assignment on: sends a probe (key
    /// <c>probe</c>) until one is indexed, so everything sent after this returns is ingested.
    /// </summary>
    public async Task WaitUntilIngestedAsync(string topic)
    {
        await Eventually.MatchAsync(
            () =>
            {
                Producer.Send(topic, "probe", """{"probe":true}""");
                return EventsAsync(topic).GetAwaiter().GetResult().Length;
            },
            count => count > 0,
            $"{topic} to be ingested",
            TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        Producer.Dispose();
        Client.Dispose();
        Factory.Dispose();
        _baseFactory.Dispose();
        Cluster.Dispose();
        _directory.Dispose();
        Environment.SetEnvironmentVariable(_environmentPrefix + "EventObserver__Kafka__Client__client.id", null);
    }
}
