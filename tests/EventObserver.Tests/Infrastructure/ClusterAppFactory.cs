using EventObserver.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventObserver.Tests.Infrastructure;

/// <summary>
/// The real app with real ingestion from a test cluster (e.g. <see cref="MockClusterFixture"/>) into its own index
/// file; new topics are picked up within about a second. <paramref name="settings"/> are further host settings
/// (e.g. <c>EventObserver:Kafka:SchemaRegistry:Url</c>), applied after the defaults so they can replace them.
/// </summary>
public sealed class ClusterAppFactory(string bootstrapServers, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("EventObserver:Storage:Path", Path.Combine(_directory.Path, "index.db"));
        // A cold first script call on a loaded 2-core CI machine can take longer than the 250 ms default.
        builder.UseSetting("EventObserver:Replay:ScriptTimeoutPerCall", "00:00:05");
        builder.UseSetting("EventObserver:Kafka:BootstrapServers", bootstrapServers);
        builder.UseSetting("EventObserver:Kafka:GroupId", "test-" + Guid.NewGuid().ToString("N")[..8]);
        builder.UseSetting("EventObserver:Kafka:MetadataRefreshMs", "500");
        builder.UseSetting("EventObserver:Kafka:Client:session.timeout.ms", "3000");
        // librdkafka's mock cluster cannot list or describe groups.
        builder.UseSetting("EventObserver:Groups:Discovery", "KnownGroups");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }
}
