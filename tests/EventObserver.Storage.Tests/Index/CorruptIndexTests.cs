using EventObserver.Core.Selection;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;
using EventObserver.TestSupport;

using LiteDB;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Storage.Tests.Index;

public sealed class CorruptIndexTests : IDisposable
{
    private const int EventCount = 1000;
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<EventIndexProvider> _log = new();

    public void Dispose() => _dir.Dispose();

    private string DbPath => _dir.File("eo.db");

    private string ArchiveDir => _dir.File("archive");

    public static TheoryData<string> Damages => ["truncated", "truncated-at-page", "garbage-header", "broken-newest-chunk", "broken-oldest-chunk", "format-stamp"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void Constructor_DamagedFile_ArchivesItWithOneMessageAndStartsAnIndexMarkedForRebuild(string damage)
    {
        WriteIndex();
        Damage(damage);

        using var provider = Create();

        var notice = Assert.IsType<Core.Indexing.IndexSwitchNotice>(provider.LastSwitch);
        var archived = Assert.Single(Directory.GetFiles(ArchiveDir, "eo-corrupt-*.db"));
        Assert.Equal(archived, notice.ArchivedTo);
        Assert.StartsWith($"The index file {DbPath} could not be read (", notice.Reason, StringComparison.Ordinal);
        Assert.EndsWith($"); moved to archive/{Path.GetFileName(archived)}; rebuilding from Kafka", notice.Reason, StringComparison.Ordinal);
        var error = Assert.Single(_log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal((LogLevel.Error, notice.Reason), error);
        Assert.NotNull(provider.Current);
        Assert.Equal(0, provider.Current.GetStatistics().TotalEvents);
        Assert.True(provider.IsRebuilding(provider.Current));
    }

    [Fact]
    public void Constructor_DamagedFileWithOnCorruptStop_ThrowsTheMessageAndLeavesTheFile()
    {
        WriteIndex();
        IndexDamage.Truncate(DbPath);
        var length = new FileInfo(DbPath).Length;

        var error = Assert.Throws<CorruptIndexException>(() => Create(CorruptIndexAction.Stop));

        Assert.StartsWith($"The index file {DbPath} could not be read (", error.Message, StringComparison.Ordinal);
        Assert.Contains("OnCorrupt is Stop", error.Message, StringComparison.Ordinal);
        Assert.Equal(length, new FileInfo(DbPath).Length);
        Assert.False(Directory.Exists(ArchiveDir));
        Assert.Equal((LogLevel.Error, error.Message), Assert.Single(_log.Entries, e => e.Level >= LogLevel.Warning));
    }

    [Fact]
    public void Query_ChunkDamagedBetweenTheCheckedOnes_FailsWithOneClearError()
    {
        WriteIndex();
        IndexDamage.BreakMiddleChunk(DbPath);
        using var provider = Create();
        var index = provider.Current!;

        var error = Assert.Throws<CorruptIndexException>(() => index.Query(new EventSelection { Limit = EventCount }));

        Assert.Null(provider.LastSwitch);
        Assert.StartsWith($"The index file {DbPath} is damaged: the chunk of orders/0 at offsets ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Rebuild the index", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuild_OpenIndex_ArchivesItAndOpensAnEmptyIndexOfTheSameClusterMarkedForRebuild()
    {
        using var provider = Create();
        var old = provider.OpenForCluster("cluster-a");
        old.Write(Envelopes.Range("orders", 0, 0, 99));
        Core.Indexing.IEventIndex? changedTo = null;
        provider.Changed += index => changedTo = index;

        var notice = provider.Rebuild("alice");

        var current = provider.Current!;
        Assert.Same(current, changedTo);
        Assert.NotSame(old, current);
        Assert.Equal("cluster-a", current.ClusterId);
        Assert.Equal(0, current.GetStatistics().TotalEvents);
        Assert.True(provider.IsRebuilding(current));
        Assert.Equal(Assert.Single(Directory.GetFiles(ArchiveDir, "eo-rebuild-*.db")), notice.ArchivedTo);
        Assert.Contains("requested by alice", notice.Reason, StringComparison.Ordinal);
        Assert.Throws<ObjectDisposedException>(() => old.GetCheckpoints().Count + old.Query(new EventSelection()).Count);
    }

    [Fact]
    public void CompleteRebuild_Reopened_IsNoLongerRebuilding()
    {
        using (var provider = Create())
        {
            provider.Rebuild("alice");
            Assert.True(provider.IsRebuilding(provider.Current!));
            provider.CompleteRebuild(provider.Current!);
        }

        using var reopened = Create();

        Assert.False(reopened.IsRebuilding(reopened.Current!));
    }

    [Fact]
    public void PrepareRebuild_ExistingFile_ArchivesItAndTheNextStartRebuilds()
    {
        WriteIndex();

        var archived = EventIndexProvider.PrepareRebuild(new StorageOptions { Path = DbPath }, _time);
        using var provider = Create();

        Assert.Equal(Assert.Single(Directory.GetFiles(ArchiveDir, "eo-rebuild-*.db")), archived);
        Assert.True(provider.IsRebuilding(provider.Current!));
        Assert.Equal(0, provider.Current!.GetStatistics().TotalEvents);
        Assert.Null(provider.LastSwitch);
    }

    [Fact]
    public void PrepareRebuild_FileOpenInARunningApp_RefusesAndLeavesIt()
    {
        WriteIndex();
        using var running = Create();

        Assert.ThrowsAny<IOException>(() => EventIndexProvider.PrepareRebuild(new StorageOptions { Path = DbPath }, _time));

        Assert.False(Directory.Exists(ArchiveDir));
        Assert.Equal(EventCount, running.Current!.GetStatistics().TotalEvents);
    }

    [Fact]
    public void Constructor_UndamagedFileWithManyChunks_OpensWithoutMessage()
    {
        WriteIndex();

        using var provider = Create();

        Assert.Null(provider.LastSwitch);
        Assert.Equal(EventCount, provider.Current!.GetStatistics().TotalEvents);
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    private EventIndexProvider Create(CorruptIndexAction onCorrupt = CorruptIndexAction.Rebuild) => new(
        Options.Create(new StorageOptions { Path = DbPath, MaxEvents = null, MaxAge = null, OnCorrupt = onCorrupt }), _log, _time);

    /// <summary>Several batches into two partitions, so each has several chunks.</summary>
    private void WriteIndex()
    {
        using var index = LiteDbEventIndex.Open(DbPath);
        for (var from = 0; from < EventCount / 2; from += 100)
        {
            index.Write(Envelopes.Range("orders", 0, from, from + 99));
            index.Write(Envelopes.Range("orders", 1, from, from + 99));
        }
    }

    private void Damage(string damage)
    {
        switch (damage)
        {
            case "truncated":
                IndexDamage.Truncate(DbPath);
                break;
            case "truncated-at-page":
                IndexDamage.TruncateAtPage(DbPath);
                break;
            case "garbage-header":
                IndexDamage.GarbleHeader(DbPath);
                break;
            case "broken-newest-chunk":
                IndexDamage.BreakChunk(DbPath, newest: true);
                break;
            case "broken-oldest-chunk":
                IndexDamage.BreakChunk(DbPath, newest: false);
                break;
            case "format-stamp":
                using (var db = new LiteDatabase(new ConnectionString { Filename = DbPath, Connection = ConnectionType.Direct }))
                {
                    db.GetCollection("info").Upsert(new BsonDocument { ["_id"] = "format", ["v"] = 99 });
                }

                break;
        }
    }
}
