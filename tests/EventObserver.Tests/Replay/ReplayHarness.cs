using EventObserver.Access;
using EventObserver.Configuration;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Features.Replay.Runs;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Replay;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Projections;
using EventObserver.Tests.Audit;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using EventObserver.Tests.Access;

namespace EventObserver.Tests.Replay;

/// <summary>A run manager over a real temp index and projections file; Kafka is never reached by projection runs.</summary>
internal sealed class ReplayHarness : IDisposable
{
    public const string Orders = ShopOrders.Topic;

    private readonly TempDirectory _directory = new();
    private readonly EventIndexProvider _indexes;
    private readonly ReplayPublisher _publisher;

    public ReplayHarness(ReplayOptions? options = null)
    {
        _indexes = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = Path.Combine(_directory.Path, "index.db"), MaxEvents = null, MaxAge = null }),
            NullLogger<EventIndexProvider>.Instance, TimeProvider.System);
        Index = _indexes.OpenForCluster("test");
        Store = ProjectionStore.Open(Path.Combine(_directory.Path, "projections.db"));
        var kafka = new KafkaOptions { BootstrapServers = "127.0.0.1:1" };
        _publisher = new ReplayPublisher(KafkaConnection.ForCluster(kafka, kafka.BootstrapServers), TimeProvider.System, NullLogger<ReplayPublisher>.Instance);
        Manager = new ReplayRunManager(_indexes, _publisher, Store, Options.Create(options ?? new ReplayOptions { ScriptTimeoutPerCall = GenerousScriptTimeout }), Audit, TimeProvider.System, NullLogger<ReplayRunManager>.Instance);
    }

    /// <summary>Core.Tests' per-call timeout: a loaded two-core machine must not fail a script call by wall clock.</summary>
    public static readonly TimeSpan GenerousScriptTimeout = TimeSpan.FromSeconds(5);

    public IEventIndex Index { get; }

    /// <summary>What the manager recorded.</summary>
    public RecordingAuditLog Audit { get; } = new();

    public ProjectionStore Store { get; }
    public ReplayRunManager Manager { get; }

    /// <summary>Demo-shop orders on two partitions (<see cref="ShopOrders"/>), written to the index.</summary>
    public List<EventEnvelope> SeedOrders(int orders)
    {
        var events = ShopOrders.Create(orders);
        Index.Write(events);
        return events;
    }

    public ReplayRun Start(ReplayRequest request)
    {
        var result = Manager.Start(request, UserAccess.System);
        Assert.True(result.Run is not null, $"not started: {result.Problem} {result.Message}");
        return result.Run;
    }

    public static async Task<ReplayRunSnapshot> FinishedAsync(ReplayRun run)
    {
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return run.Snapshot;
    }

    public static Task<ReplayRunSnapshot> WaitAsync(ReplayRun run, Func<ReplayRunSnapshot, bool> predicate) =>
        run.WaitForAsync(predicate, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        Manager.Dispose();
        _publisher.Dispose();
        Store.Dispose();
        _indexes.Dispose();
        _directory.Dispose();
    }
}
