using EventObserver.Core.Groups;
using EventObserver.Storage.Conversations;
using EventObserver.Storage.Groups;
using EventObserver.Storage.Shared;
using EventObserver.Storage.Tests.Support;
using EventObserver.TestSupport;
using LiteDB;

namespace EventObserver.Storage.Tests.Shared;

/// <summary>
/// The periodic writes (lag history trims, conversation snapshots) run for months: each used to leave one more parsed
/// and compiled expression in LiteDB's static cache. Other tests run in parallel and may add a few: the bound is far
/// below one per call.
/// </summary>
public sealed class ParameterizedQueryTests : IDisposable
{
    private const int Calls = 400;
    private const int Tolerance = 40;

    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void LagHistoryTrim_ManyDistinctTimes_KeepsLiteDbExpressionCacheFlat()
    {
        using var store = LiteDbLagHistoryStore.Open(_directory.File("lag.db"));
        store.Append(Start, [("billing", new LagSample(Start, 1, null))]);
        var before = LiteDbExpressionCache.Count();

        for (var i = 0; i < Calls; i++)
        {
            store.Trim(Start.AddSeconds(-i));
        }

        Assert.InRange(LiteDbExpressionCache.Count() - before, int.MinValue, Tolerance);
        Assert.Single(store.Read("billing", Start));
    }

    [Fact]
    public void SnapshotSave_ManyGenerations_KeepsLiteDbExpressionCacheFlat()
    {
        using var store = new LiteDbConversationSnapshotStore(_directory.File("snap.db"), new ListLogger<LiteDbConversationSnapshotStore>());
        store.Save([1, 2, 3]);
        var before = LiteDbExpressionCache.Count();

        for (var i = 0; i < Calls / 4; i++)
        {
            store.Save([(byte)i, 2, 3]);
        }

        Assert.InRange(LiteDbExpressionCache.Count() - before, int.MinValue, Tolerance);
        Assert.Equal([(byte)(Calls / 4 - 1), 2, 3], store.Load());
    }

    [Fact]
    public void Filters_ParametersNotText_SelectTheSameDocumentsAsLiteDbQuery()
    {
        using var db = new LiteDatabase(_directory.File("q.db"));
        var docs = db.GetCollection("d");
        for (var i = 0; i < 20; i++)
        {
            docs.Insert(new BsonDocument { ["_id"] = i, ["t"] = i * 10L, ["n"] = i % 2 == 0 ? "even" : "odd" });
        }

        int[] Ids(BsonExpression filter) => [.. docs.Find(filter).Select(d => d["_id"].AsInt32).Order()];

        Assert.Equal(Ids(Query.LT("t", 50L)), Ids(ParameterizedQuery.LessThan("t", 50L)));
        Assert.Equal(Ids(Query.EQ("n", "odd")), Ids(ParameterizedQuery.Equal("n", "odd")));
        Assert.Equal(Ids(Query.Not("n", "odd")), Ids(ParameterizedQuery.NotEqual("n", "odd")));
        Assert.Equal(Ids(Query.Between("t", 30L, 70L)), Ids(ParameterizedQuery.Between("t", 30L, 70L)));
        Assert.Equal([2, 5, 7], Ids(ParameterizedQuery.In("_id", [2, 5, 7, 99])));
        Assert.Equal([0, 1, 2, 3, 4], Ids(ParameterizedQuery.LessThan("t", 50L)));
    }
}
