using System.Diagnostics.CodeAnalysis;

using EventObserver.Core.Indexing;
using EventObserver.Health;
using EventObserver.Kafka.Ingestion;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.TestSupport;

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Tests.Health;

/// <summary>The liveness and readiness checks on their own, with a fake clock.</summary>
public sealed class HealthCheckTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly TempDirectory _directory = new();
    private readonly EventIndexProvider _provider;
    private readonly IngestionStatus _ingestion;

    public HealthCheckTests()
    {
        _ingestion = new IngestionStatus(_time);
        _provider = new EventIndexProvider(Options.Create(new StorageOptions { Path = _directory.File("index.db") }), NullLogger<EventIndexProvider>.Instance, _time);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Live_AnyState_IsHealthy()
    {
        _ingestion.BrokerState = BrokerState.Unreachable;
        _ingestion.WritePause = new IndexWritePause("disk full: 0 MB free on /data", _time.GetUtcNow(), 1);

        var result = await new LiveHealthCheck().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Index_OpenAndWritable_IsHealthy()
    {
        _provider.OpenForCluster("c1");

        var result = await IndexCheck(_provider).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Index_NoIndexYet_IsUnhealthy()
    {
        var result = await IndexCheck(new NoIndex()).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("no index open", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_WritesPausedByFullDisk_IsUnhealthyWithTheReason()
    {
        _provider.OpenForCluster("c1");
        _ingestion.WritePause = new IndexWritePause("disk full: 3 MB free on /data", _time.GetUtcNow(), 2);

        var result = await IndexCheck(_provider).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("disk full: 3 MB free on /data", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_DirectoryGone_IsUnhealthy()
    {
        var gone = new TempDirectory();
        using var provider = new EventIndexProvider(Options.Create(new StorageOptions { Path = gone.File("index.db") }), NullLogger<EventIndexProvider>.Instance, _time);
        provider.OpenForCluster("c1");
        Directory.Delete(gone.Path, recursive: true);

        var result = await IndexCheck(provider).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("not writable", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broker_Connected_IsHealthy()
    {
        _ingestion.BrokerState = BrokerState.Connected;

        var result = await BrokerCheck().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Broker_UnreachableWithinTimeout_IsDegraded_AndPastIt_Unhealthy()
    {
        _ingestion.BrokerState = BrokerState.Connected;
        _ingestion.BrokerState = BrokerState.Unreachable;
        var check = BrokerCheck();
        _time.Advance(TimeSpan.FromSeconds(29));

        var within = await check.CheckHealthAsync(new HealthCheckContext());
        _time.Advance(TimeSpan.FromSeconds(2));
        var past = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, within.Status);
        Assert.Equal(HealthStatus.Unhealthy, past.Status);
        Assert.Equal("broker unreachable for 31 s (timeout 30 s)", past.Description);
    }

    [Fact]
    public async Task Broker_NeverReachedSinceStartPastTimeout_IsUnhealthy()
    {
        _time.Advance(TimeSpan.FromMinutes(1));

        var result = await BrokerCheck().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    private IndexHealthCheck IndexCheck(ICurrentIndex indexes) =>
        new(indexes, _ingestion, new IndexDirectoryProbe(_time), Options.Create(new StorageOptions { Path = _directory.File("index.db") }));

    private BrokerHealthCheck BrokerCheck() => new(_ingestion, Options.Create(new HealthProbeOptions()), _time);

    private sealed class NoIndex : ICurrentIndex
    {
        public IndexSwitchNotice? LastSwitch => null;

        public event Action<IEventIndex>? Changed
        {
            add { }
            remove { }
        }

        public bool TryGet([NotNullWhen(true)] out IEventIndex? index)
        {
            index = null;
            return false;
        }

        public IEventIndex OpenForCluster(string clusterId) => throw new NotSupportedException();
    }
}
