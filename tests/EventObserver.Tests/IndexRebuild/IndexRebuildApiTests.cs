using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

using EventObserver.Access;
using EventObserver.Configuration;
using EventObserver.Features.IndexRebuild;
using EventObserver.Features.Status;
using EventObserver.Storage.Index;
using EventObserver.Tests.Access;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport;

using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.IndexRebuild;

/// <summary>The manual rebuild through the API, and a damaged index at start with OnCorrupt=Stop, in the real app.</summary>
public sealed class IndexRebuildApiTests(MockClusterFixture kafka) : IClassFixture<MockClusterFixture>
{
    private const int Produced = 300;
    private const string ViewerKey = "rebuild-viewer-key";
    private const string AdminKey = "rebuild-admin-key";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task PostRebuild_ViewerThenAdmin_RefusesTheViewerAndRebuildsTheSameCountForTheAdmin()
    {
        var topic = kafka.CreateTopic("api-rebuild", partitions: 2);
        using var producer = new TestProducer(kafka.BootstrapServers);
        producer.SendMany(topic, Produced);
        var audit = new RecordingAuditLog();
        using var app = new ClusterAppFactory(kafka.BootstrapServers, Settings()).WithWebHostBuilder(b =>
            b.ConfigureTestServices(services => services.AddSingleton<IAuditLog>(audit)));
        using var viewer = Client(app, ViewerKey);
        using var admin = Client(app, AdminKey);
        await Eventually.MatchAsync(() => Count(admin, topic), n => n == Produced, "every message to be indexed", TimeSpan.FromSeconds(30));
        var before = app.Services.GetRequiredService<EventIndexProvider>().Current;

        var refused = await viewer.PostAsync(IndexRebuildEndpoints.Path, null);
        var accepted = await admin.PostAsync(IndexRebuildEndpoints.Path, null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = await accepted.Content.ReadFromJsonAsync<IndexRebuildDto>(Json);
        Assert.StartsWith("index-rebuild-", body!.ArchivedTo, StringComparison.Ordinal);
        Assert.NotSame(before, app.Services.GetRequiredService<EventIndexProvider>().Current);
        var entry = Assert.Single(audit.Entries, e => e.Action == AuditAction.IndexRebuild);
        Assert.Equal("admin-client", entry.Actor);
        Assert.Equal(body.ArchivedTo, entry.Target);
        var stats = await Eventually.MatchAsync(
            () => admin.GetFromJsonAsync<StatsDto>("/api/stats", Json).GetAwaiter().GetResult(),
            s => s is { Rebuild.Finished: true } && s.Topics.GetValueOrDefault(topic) == Produced,
            "the rebuilt index to hold every message again",
            TimeSpan.FromSeconds(40));
        Assert.Equal(100, stats!.Rebuild!.Percent);
    }

    [Fact]
    public void Start_DamagedIndexWithOnCorruptStop_FailsWithTheMessageAndLeavesTheFile()
    {
        using var directory = new TempDirectory();
        var path = directory.File("index.db");
        File.WriteAllBytes(path, [.. Enumerable.Repeat((byte)0x5A, 20_000)]);
        using var app = new ClusterAppFactory(kafka.BootstrapServers, new Dictionary<string, string>
        {
            ["EventObserver:Storage:Path"] = path,
            ["EventObserver:Storage:OnCorrupt"] = "Stop",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var described = StartupFailure.Describe(error);
        Assert.True(StartupFailure.IsConfigurationError(error));
        Assert.StartsWith($"EventObserver cannot start: The index file {path} could not be read (", described, StringComparison.Ordinal);
        Assert.Contains("OnCorrupt is Stop", described, StringComparison.Ordinal);
        Assert.Equal(20_000, new FileInfo(path).Length);
        Assert.False(Directory.Exists(directory.File("archive")));
    }

    private static Dictionary<string, string> Settings()
    {
        const string auth = "EventObserver:Auth";
        return new Dictionary<string, string>
        {
            [$"{auth}:Mode"] = "Local",
            [$"{auth}:Users:0:Name"] = "alice",
            [$"{auth}:Users:0:PasswordHash"] = TestAuthOptions.AliceHash,
            [$"{auth}:Users:0:Roles:0"] = AccessRoles.Viewer,
            [$"{auth}:ApiKeys:0:Name"] = "viewer-client",
            [$"{auth}:ApiKeys:0:Sha256"] = TestAuthOptions.Sha256Hex(ViewerKey),
            [$"{auth}:ApiKeys:0:Roles:0"] = AccessRoles.Operator,
            [$"{auth}:ApiKeys:1:Name"] = "admin-client",
            [$"{auth}:ApiKeys:1:Sha256"] = TestAuthOptions.Sha256Hex(AdminKey),
            [$"{auth}:ApiKeys:1:Roles:0"] = AccessRoles.Admin,
        };
    }

    private static HttpClient Client(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static long Count(HttpClient client, string topic) =>
        client.GetFromJsonAsync<StatsDto>("/api/stats", Json).GetAwaiter().GetResult()!.Topics.GetValueOrDefault(topic);
}
