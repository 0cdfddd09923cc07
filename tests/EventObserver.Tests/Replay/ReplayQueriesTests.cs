using EventObserver.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;
using EventObserver.Features.Audit;
using EventObserver.Features.Replay;
using EventObserver.Features.Replay.Runs;
using EventObserver.Shared;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Projections;
using EventObserver.Tests.Audit;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using EventObserver.Tests.Access;

namespace EventObserver.Tests.Replay;

/// <summary>The Replay feature's query service over a real temp index and projections file, on a fake clock.</summary>
public sealed class ReplayQueriesTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly EventIndexProvider _indexes;
    private readonly ProjectionStore _store;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly RecordingAuditLog _audit = new();
    private readonly ReplayQueries _queries;

    public ReplayQueriesTests()
    {
        _indexes = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = _directory.File("index.db"), MaxEvents = null, MaxAge = null }),
            NullLogger<EventIndexProvider>.Instance, TimeProvider.System);
        _store = ProjectionStore.Open(_directory.File("projections.db"));
        _queries = new ReplayQueries(new IndexReads(_indexes, NullLogger<IndexReads>.Instance), _store, _time, _audit);
    }

    public void Dispose()
    {
        _store.Dispose();
        _indexes.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task CountAsync_BeforeAnyIndexIsOpen_AnswersNoIndex()
    {
        var read = await _queries.CountAsync(EventSelection.All, UserAccess.System, CancellationToken.None);

        Assert.Equal(IndexReadStatus.NoIndex, read.Status);
    }

    [Fact]
    public async Task CountAsync_SelectionWithLimit_CountsAllMatchingAndTheNewestLimit()
    {
        var index = _indexes.OpenForCluster("test");
        var events = ShopOrders.Create(4);
        index.Write(events);
        var placed = events.Count(e => e.MessageType == "OrderPlaced");

        var read = await _queries.CountAsync(EventSelection.All with { Type = "OrderPlaced", Limit = 3 }, UserAccess.System, CancellationToken.None);

        Assert.True(read.Succeeded);
        Assert.Equal(placed, read.Value!.Matching);
        Assert.Equal(3, read.Value.Total);
        Assert.Null(read.Value.ProposedRedriveTopic);
    }

    [Fact]
    public async Task CountAsync_DeadLettersNamingTheirTopic_ProposeThatTopicForRedrive()
    {
        var index = _indexes.OpenForCluster("test");
        index.Write([.. Enumerable.Range(0, 3).Select(i => new EventEnvelope
        {
            Topic = "orders.dlt",
            Partition = 0,
            Offset = i,
            TimestampMs = Envelopes.BaseTime.AddSeconds(i).ToUnixTimeMilliseconds(),
            Payload = "{}"u8.ToArray(),
            PayloadFormat = PayloadFormat.Json,
            MessageId = $"dlt-{i}",
            MessageType = "OrderPlaced",
            DeadLetterOf = new DeadLetterOrigin("orders", 0, i, "boom"),
        })]);

        var read = await _queries.CountAsync(EventSelection.All with { Topics = ["orders.dlt"] }, UserAccess.System, CancellationToken.None);

        Assert.Equal(3, read.Value!.Total);
        Assert.Equal("orders", read.Value.ProposedRedriveTopic);
    }

    [Fact]
    public async Task SaveProjectionAsync_ByAUser_RecordsWhoWhichVersionAndTheScriptsHash()
    {
        const string Script = "({ n: 0 })";
        await _queries.SaveProjectionAsync("counts", "({})", null, AuditActor.System, CancellationToken.None);

        var saved = await _queries.SaveProjectionAsync("counts", Script, null, new AuditActor("olga", "10.1.2.3"), CancellationToken.None);

        var entry = _audit.Entries[^1];
        Assert.Equal(2, saved.Version);
        Assert.Equal(AuditAction.ProjectionSaved, entry.Action);
        Assert.Equal(("olga", "10.1.2.3", "counts"), (entry.Actor, entry.RemoteAddress, entry.Target));
        Assert.Equal($"version 2; script sha256 {ReplayAudit.ScriptHash(Script)}", entry.Detail);
        Assert.Equal(64, ReplayAudit.ScriptHash(Script).Length);
    }

    [Fact]
    public async Task SaveProjectionAsync_TwoVersions_StampedByTheClockAndListedNewestFirst()
    {
        var first = await _queries.SaveProjectionAsync("counts", "({ n: 0 })", null, AuditActor.System, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = await _queries.SaveProjectionAsync("counts", "({ n: 1 })", "v2", AuditActor.System, CancellationToken.None);
        await _queries.SaveProjectionAsync("other", "({})", null, AuditActor.System, CancellationToken.None);

        var versions = await _queries.ProjectionVersionsAsync("counts", CancellationToken.None);
        var latest = await _queries.GetProjectionAsync("counts", null, CancellationToken.None);
        var all = await _queries.ListAllVersionsAsync(CancellationToken.None);
        var names = await _queries.ListProjectionsAsync(CancellationToken.None);

        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromMinutes(5), first.SavedAt);
        Assert.Equal(_time.GetUtcNow(), second.SavedAt);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal(second, latest);
        Assert.Equal(["counts v2", "counts v1", "other v1"], all.Select(d => $"{d.Name} v{d.Version}"));
        Assert.Equal(["counts", "other"], names.Select(d => d.Name));
    }

    [Fact]
    public async Task ListPublishesAsync_CancelledBeforehand_IsCancelledWithoutReading()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var listing = _queries.ListPublishesAsync(10, UserAccess.System, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing);
    }
}
