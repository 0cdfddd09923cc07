using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

using LiteDB;

namespace EventObserver.Storage.Tests.Index;

public sealed class LiteDbOrphansTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void SuppressTransactionFinalizers_OpenTransaction_IsFoundInThisLiteDbBuild()
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = _dir.File("o.db"), Connection = ConnectionType.Direct });
        db.BeginTrans();
        db.GetCollection("c").Insert(new BsonDocument { ["_id"] = 1 });

        var found = LiteDbOrphans.SuppressTransactionFinalizers(db);

        Assert.Equal(1, found);
        db.Rollback();
    }
}
