using System.Diagnostics.Metrics;

using EventObserver.Core.Metrics;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Retention;
using EventObserver.Storage.Tests.Support;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Storage.Tests.Retention;

public sealed class RetentionServiceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void RunOnce_NoIndexYet_DoesNothing()
    {
        var (provider, service, _) = Create(new StorageOptions { Path = _dir.File("s.db") });
        using var _ = provider;

        Assert.Equal(0, service.RunOnce());
    }

    [Fact]
    public void RunOnce_EventsOlderThanMaxAge_AreDeletedAsTimePasses()
    {
        var options = new StorageOptions { Path = _dir.File("s.db"), MaxAge = TimeSpan.FromHours(1), MaxEvents = null };
        var (provider, service, time) = Create(options);
        using var _ = provider;
        var index = provider.OpenForCluster("cluster-a");
        index.Write(Envelopes.Range("orders", 0, 0, 9));
        time.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs) + TimeSpan.FromMinutes(30));
        Assert.Equal(0, service.RunOnce());

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(10, service.RunOnce());
        Assert.Equal(0, index.GetStatistics().TotalEvents);
    }

    [Fact]
    public void RunOnce_DeletesEvents_CountsThemInTheRetentionDeletionsCounter()
    {
        // The only recorder of this counter is RetentionService, and this class's tests run one at a time.
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == InstrumentCatalog.RetentionDeletions.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();
        var options = new StorageOptions { Path = _dir.File("s.db"), MaxEvents = 5, MaxAge = null };
        var (provider, service, _) = Create(options);
        using var _ = provider;
        provider.OpenForCluster("cluster-a").Write(Envelopes.Range("orders", 0, 0, 11));

        var deleted = service.RunOnce();
        var again = service.RunOnce();

        Assert.Equal(7, deleted);
        Assert.Equal(0, again);
        Assert.Equal(7, Interlocked.Read(ref counted));
    }

    [Fact]
    public async Task ExecuteAsync_EveryInterval_AppliesMaxEvents()
    {
        var options = new StorageOptions { Path = _dir.File("s.db"), MaxEvents = 5, MaxAge = null, RetentionInterval = TimeSpan.FromMinutes(1) };
        var (provider, service, time) = Create(options);
        using var _ = provider;
        var index = provider.OpenForCluster("cluster-a");
        index.Write(Envelopes.Range("orders", 0, 0, 49));
        await service.StartAsync(CancellationToken.None);

        try
        {
            // The timer fires only when fake time passes; keep nudging it until the pass has run.
            for (var i = 0; i < 200 && index.GetStatistics().TotalEvents != 5; i++)
            {
                time.Advance(TimeSpan.FromMinutes(1));
                await Task.Delay(10);
            }
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(5, index.GetStatistics().TotalEvents);
    }

    private static (EventIndexProvider, RetentionService, FakeTimeProvider) Create(StorageOptions options)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs));
        var provider = new EventIndexProvider(Options.Create(options), NullLogger<EventIndexProvider>.Instance, time);
        var service = new RetentionService(provider, Options.Create(options), time, NullLogger<RetentionService>.Instance);
        return (provider, service, time);
    }
}
