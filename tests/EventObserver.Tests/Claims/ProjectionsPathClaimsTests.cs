using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Kafka.Embedded;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventObserver.Tests.Claims;

/// <summary><c>Replay:ProjectionsPath</c>: saved projections live where it says and survive pointing the app at another cluster.</summary>
public sealed class ProjectionsPathClaimsTests : IDisposable
{
    private const string Script = "({ $init: () => ({ n: 0 }), $any: (s, e) => { s.n++; } })";

    private readonly TempDirectory _directory = new();
    private readonly MockKafkaCluster _clusterA = new();
    private readonly MockKafkaCluster _clusterB = new();

    private string IndexPath => Path.Combine(_directory.Path, "data", "index.db");

    private string ProjectionsPath => Path.Combine(_directory.Path, "saved", "my-projections.db");

    [Fact]
    public async Task ProjectionsPath_SavedProjection_IsKeptThereAcrossAClusterSwitch()
    {
        var name = "claims-" + Guid.NewGuid().ToString("N")[..8];
        _clusterA.CreateTopic("claims.switch", 1);
        using (var producer = new TestProducer(_clusterA.BootstrapServers))
        {
            producer.Send("claims.switch", "k", """{"n":1}""");
        }

        using (var baseA = new ClusterAppFactory(_clusterA.BootstrapServers))
        using (var appA = Configure(baseA))
        using (var clientA = appA.CreateClient())
        {
            await Eventually.MatchAsync(() => Health(clientA), h => h.GetProperty("indexedEvents").GetInt64() >= 1, "cluster A's message to be indexed");
            var saved = await clientA.PostAsJsonAsync("/api/projections", new { name, script = Script });
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        }

        using var baseB = new ClusterAppFactory(_clusterB.BootstrapServers);
        using var appB = Configure(baseB);
        using var clientB = appB.CreateClient();
        var archive = Path.Combine(Path.GetDirectoryName(IndexPath)!, "archive");
        await Eventually.TrueAsync(() => Directory.Exists(archive) && Directory.GetFiles(archive).Length > 0, "cluster A's index to be archived");
        var kept = await clientB.GetAsync($"/api/projections/{name}/1");

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(Script, (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("script").GetString());
        Assert.True(File.Exists(ProjectionsPath), $"no file at {ProjectionsPath}");
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(IndexPath)!, "projections.db")));
    }

    public void Dispose()
    {
        _clusterB.Dispose();
        _clusterA.Dispose();
        _directory.Dispose();
    }

    private WebApplicationFactory<Program> Configure(ClusterAppFactory factory) => factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("EventObserver:Storage:Path", IndexPath);
        builder.UseSetting("EventObserver:Replay:ProjectionsPath", ProjectionsPath);
    });

    private static JsonElement Health(HttpClient client) => client.GetFromJsonAsync<JsonElement>("/healthz").GetAwaiter().GetResult();
}
