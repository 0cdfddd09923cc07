using EventObserver.Storage.ChunkStore;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

using LiteDB;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Storage.Tests.ChunkStore;

public sealed class StoreFormatTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string DbPath => _dir.File("eo.db");

    [Fact]
    public void Open_NewFile_StampsTheFormatVersion()
    {
        LiteDbEventIndex.Open(DbPath).Dispose();

        Assert.Equal(new BsonValue(StoreFormat.Version), ReadStamp());
    }

    [Fact]
    public void Open_FileWrittenBeforeTheStamp_IsStampedAndKeepsItsEvents()
    {
        using (var index = LiteDbEventIndex.Open(DbPath))
        {
            index.Write(Envelopes.Range("orders", 0, 0, 4));
        }

        WithFile(db => db.GetCollection("info").Delete(StoreFormat.InfoId));

        using (var reopened = LiteDbEventIndex.Open(DbPath))
        {
            Assert.Equal(5, reopened.GetStatistics().TotalEvents);
        }

        Assert.Equal(new BsonValue(StoreFormat.Version), ReadStamp());
    }

    [Fact]
    public void Open_NewerFormat_Throws()
    {
        LiteDbEventIndex.Open(DbPath).Dispose();
        WithFile(db => db.GetCollection("info").Upsert(new BsonDocument { ["_id"] = StoreFormat.InfoId, ["v"] = StoreFormat.Version + 1 }));

        var error = Assert.Throws<InvalidDataException>(() => LiteDbEventIndex.Open(DbPath));

        Assert.Contains($"format version {StoreFormat.Version + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_NewerFormatFile_ArchivesItUntouchedAndStartsEmpty()
    {
        using (var index = LiteDbEventIndex.Open(DbPath))
        {
            index.Write(Envelopes.Range("orders", 0, 0, 4));
        }

        WithFile(db => db.GetCollection("info").Upsert(new BsonDocument { ["_id"] = StoreFormat.InfoId, ["v"] = StoreFormat.Version + 1 }));

        using var provider = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = DbPath }), NullLogger<EventIndexProvider>.Instance, TimeProvider.System);

        Assert.Equal(0, provider.Current!.GetStatistics().TotalEvents);
        Assert.NotNull(provider.LastSwitch);
        using var archived = new LiteDatabase(new ConnectionString { Filename = provider.LastSwitch.ArchivedTo, Connection = ConnectionType.Direct });
        Assert.Equal(new BsonValue(StoreFormat.Version + 1), archived.GetCollection("info").FindById(StoreFormat.InfoId)["v"]);
    }

    private BsonValue? ReadStamp()
    {
        BsonValue? stamp = null;
        WithFile(db => stamp = db.GetCollection("info").FindById(StoreFormat.InfoId)?["v"]);
        return stamp;
    }

    private void WithFile(Action<LiteDatabase> action)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = DbPath, Connection = ConnectionType.Direct });
        action(db);
    }
}
