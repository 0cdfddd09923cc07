using System.Text;

using EventObserver.Storage.Conversations;
using EventObserver.Storage.Tests.Support;
using EventObserver.TestSupport;

using LiteDB;

using Microsoft.Extensions.Logging;

namespace EventObserver.Storage.Tests.Conversations;

public sealed class LiteDbConversationSnapshotStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ListLogger<LiteDbConversationSnapshotStore> _log = new();

    private string FilePath => _directory.File(LiteDbConversationSnapshotStore.DefaultFileName);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Load_NoFile_ReturnsNullAndCreatesNothing()
    {
        using var store = Open();

        Assert.Null(store.Load());
        Assert.False(File.Exists(FilePath));
    }

    [Fact]
    public void Load_AfterSaveAndReopen_ReturnsTheSameBytes()
    {
        var snapshot = Encoding.UTF8.GetBytes("""{"version":1,"open":["order-1"]}""");
        using (var store = Open())
        {
            store.Save(snapshot);
        }

        using var reopened = Open();

        Assert.Equal(snapshot, reopened.Load());
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public void Load_SnapshotLargerThanSeveralChunks_ReturnsEveryByte()
    {
        var snapshot = new byte[(LiteDbConversationSnapshotStore.ChunkBytes * 3) + 12_345];
        new Random(7).NextBytes(snapshot);
        using (var store = Open())
        {
            store.Save(snapshot);
        }

        using var reopened = Open();

        Assert.Equal(snapshot, reopened.Load());
    }

    [Fact]
    public void Save_ManyTimes_LoadsOnlyTheNewestAndTheFileDoesNotGrowWithEachSave()
    {
        using var store = Open();
        var big = new byte[LiteDbConversationSnapshotStore.ChunkBytes * 2];
        store.Save(big);
        store.Save(big);
        var afterTwo = new FileInfo(FilePath).Length + LogLength();

        for (var i = 0; i < 10; i++)
        {
            big[0] = (byte)i;
            store.Save(big);
        }

        Assert.Equal(9, store.Load()![0]);
        Assert.InRange(new FileInfo(FilePath).Length + LogLength(), 0, afterTwo * 2);
    }

    [Fact]
    public void Load_ASaveThatNeverCommitted_ReturnsThePreviousSnapshot()
    {
        var old = Encoding.UTF8.GetBytes("old");
        using (var store = Open())
        {
            store.Save(old);
        }

        // What a crash in the middle of a save leaves: a newer generation written in a transaction never committed.
        using (var db = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct }))
        {
            db.BeginTrans();
            db.GetCollection("chunks").Insert(new BsonDocument { ["_id"] = "2:0", ["g"] = 2L, ["i"] = 0, ["d"] = new byte[] { 1, 2 } });
            db.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "current", ["g"] = 2L, ["n"] = 1, ["len"] = 2, ["sha"] = new byte[32] });
        }

        using var reopened = Open();

        Assert.Equal(old, reopened.Load());
    }

    [Fact]
    public void Load_ChunkNoLongerMatchingItsHash_ReturnsNullAndWarns()
    {
        using (var store = Open())
        {
            store.Save(Encoding.UTF8.GetBytes("a snapshot"));
        }

        using (var db = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct }))
        {
            var chunks = db.GetCollection("chunks");
            var chunk = chunks.FindAll().Single();
            chunk["d"] = Encoding.UTF8.GetBytes("b snapshot");
            chunks.Update(chunk);
        }

        using var reopened = Open();

        Assert.Null(reopened.Load());
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_GarbledFile_ReturnsNullWarnsMovesItAsideAndSavesAfresh()
    {
        using (var store = Open())
        {
            store.Save(Encoding.UTF8.GetBytes("before"));
        }

        IndexDamage.GarbleHeader(FilePath);
        using var reopened = Open();

        var loaded = reopened.Load();
        reopened.Save(Encoding.UTF8.GetBytes("after"));

        Assert.Null(loaded);
        var warning = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("moved to", warning.Message, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_directory.Path, LiteDbConversationSnapshotStore.DefaultFileName + ".unreadable-*"));
        Assert.Equal("after"u8.ToArray(), reopened.Load());
    }

    [Fact]
    public void PathNextTo_IndexPath_IsInTheIndexFolder()
    {
        var path = LiteDbConversationSnapshotStore.PathNextTo(Path.Combine(_directory.Path, "data", "eventobserver.db"));

        Assert.Equal(Path.Combine(_directory.Path, "data", "conversations.db"), path);
    }

    private LiteDbConversationSnapshotStore Open() => new(FilePath, _log);

    private long LogLength()
    {
        var log = _directory.File("conversations-log.db");
        return File.Exists(log) ? new FileInfo(log).Length : 0;
    }
}
