using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Retention;

public sealed class LiteDbEventIndexRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs + 1_000_000);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ApplyRetention_MaxEvents_KeepsExactlyTheNewest()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("r.db"));
        index.Write(Envelopes.Range("orders", 0, 0, 999));

        var deleted = index.ApplyRetention(new RetentionPolicy(MaxEvents: 300, MaxAge: null), Now);

        Assert.Equal(700, deleted);
        Assert.Equal(300, index.GetStatistics().TotalEvents);
        var left = index.Query(new EventSelection { Limit = 1000 });
        Assert.Equal(Enumerable.Range(700, 300).Reverse().Select(i => (long)i), left.Select(e => e.Offset));
        Assert.Null(index.Get("orders", 0, 699));
        Assert.NotNull(index.Get("orders", 0, 700));
    }

    [Fact]
    public void ApplyRetention_MaxAge_DeletesOlderEventsAcrossTopics()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("r.db"));
        index.Write(Envelopes.Range("orders", 0, 0, 599).Concat(Envelopes.Range("payments", 1, 0, 99)).ToList());
        // Events are at Base+offset ms; keep those at or after Base+450.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs + 450) + TimeSpan.FromMinutes(5);

        var deleted = index.ApplyRetention(new RetentionPolicy(MaxEvents: null, MaxAge: TimeSpan.FromMinutes(5)), now);

        Assert.Equal(450 + 100, deleted);
        var stats = index.GetStatistics();
        Assert.Equal(150, stats.TotalEvents);
        Assert.Equal(150, stats.Topics["orders"].Count);
        Assert.Equal(0, stats.Topics["payments"].Count);
        Assert.Null(stats.Topics["payments"].LastEventAt);
        Assert.All(index.Query(new EventSelection { Limit = 1000 }), e => Assert.True(e.Offset >= 450));
    }

    [Fact]
    public void ApplyRetention_ManyEvents_DeletesInSeveralTransactionsAndAllHolds()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("r.db"));
        for (var p = 0; p < 5; p++)
        {
            index.Write(Envelopes.Range("orders", p, 0, 4_999));
        }

        var deleted = index.ApplyRetention(new RetentionPolicy(MaxEvents: 1_000, MaxAge: null), Now);

        Assert.Equal(24_000, deleted);
        Assert.Equal(1_000, index.GetStatistics().TotalEvents);
        // Count retention works oldest chunk first (chunks hold up to 256 events of one partition), so
        // what is kept is the newest up to one chunk's span: nothing older than the last two chunks.
        Assert.All(index.Query(new EventSelection { Limit = 1000 }), e => Assert.True(e.Offset >= 4_608));
        Assert.All(Enumerable.Range(0, 5), p => Assert.NotNull(index.Get("orders", p, 4_999)));
    }

    [Fact]
    public void ApplyRetention_KeepsCheckpoints_SoDeletedEventsAreNotReingested()
    {
        var path = _dir.File("r.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.Write(Envelopes.Range("orders", 0, 0, 99));
            index.ApplyRetention(new RetentionPolicy(MaxEvents: 10, MaxAge: null), Now);

            Assert.Equal(0, index.Write(Envelopes.Range("orders", 0, 0, 99)));
        }

        using var reopened = LiteDbEventIndex.Open(path);
        Assert.Equal(100, reopened.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
        Assert.Equal(0, reopened.Write(Envelopes.Range("orders", 0, 0, 99)));
        Assert.Equal(10, reopened.GetStatistics().TotalEvents);
        Assert.Equal(10, reopened.GetStatistics().Topics["orders"].Count);
    }

    [Fact]
    public void ApplyRetention_WithinLimits_DeletesNothing()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("r.db"));
        index.Write(Envelopes.Range("orders", 0, 0, 99));

        var deleted = index.ApplyRetention(new RetentionPolicy(MaxEvents: 100, MaxAge: TimeSpan.FromDays(1)), Now);

        Assert.Equal(0, deleted);
        Assert.Equal(100, index.GetStatistics().TotalEvents);
    }

    [Fact]
    public void ApplyRetention_TrimmedChunk_StillServesLookupsAfterReopen()
    {
        var path = _dir.File("r.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.Write(Envelopes.Range("orders", 0, 0, 199));
            index.ApplyRetention(new RetentionPolicy(MaxEvents: 150, MaxAge: null), Now);
        }

        using var reopened = LiteDbEventIndex.Open(path);
        Assert.Equal(150, reopened.GetStatistics().TotalEvents);
        Assert.Equal("orders-0-120", reopened.Query(new EventSelection { MessageId = "orders-0-120" }).Single().MessageId);
        Assert.Empty(reopened.Query(new EventSelection { MessageId = "orders-0-20" }));
        Assert.NotNull(reopened.Get("orders", 0, 50));
        Assert.Null(reopened.Get("orders", 0, 49));
    }
}
