using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Demo;
using EventObserver.Kafka.Ingestion;
using EventObserver.Storage.Index;
using EventObserver.TestSupport;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventObserver.Tests.Infrastructure;

/// <summary>
/// The real app with its own temp index and without Kafka ingestion, so tests control exactly what the
/// index holds (written through the real <see cref="EventIndexProvider"/>) and what the cluster reports.
/// </summary>
public sealed class SeededAppFactory(Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public const string ClusterId = "test-cluster";

    private readonly TempDirectory _directory = new();

    public FakeClusterInspector Cluster { get; } = new();

    public string StoragePath => Path.Combine(_directory.Path, "index.db");

    public IngestionStatus Ingestion => Services.GetRequiredService<IngestionStatus>();

    public IEventIndex OpenIndex() => Services.GetRequiredService<EventIndexProvider>().OpenForCluster(ClusterId);

    public void Seed(params EventEnvelope[] envelopes) => OpenIndex().Write(envelopes);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("EventObserver:Storage:Path", StoragePath);
        // A cold first script call on a loaded 2-core CI machine can take longer than the 250 ms default.
        builder.UseSetting("EventObserver:Replay:ScriptTimeoutPerCall", "00:00:05");
        builder.ConfigureTestServices(services =>
        {
            RemoveKafkaHostedServices(services);
            services.AddSingleton<IClusterInspector>(Cluster);
        });
        configure?.Invoke(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }

    private static void RemoveKafkaHostedServices(IServiceCollection services)
    {
        Type[] kafka = [typeof(IngestionService), typeof(DemoTrafficGenerator)];
        var hosted = services
            .Where(d => d.ServiceType == typeof(IHostedService)
                && kafka.Contains(d.ImplementationType ?? d.ImplementationInstance?.GetType() ?? d.ImplementationFactory?.Method.ReturnType))
            .ToList();
        Assert.Equal(kafka.Length, hosted.Count);
        foreach (var descriptor in hosted)
        {
            services.Remove(descriptor);
        }
    }
}
