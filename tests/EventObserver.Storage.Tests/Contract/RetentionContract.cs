using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>Retention by count and age: the oldest events go, exact totals, checkpoints stay.</summary>
public abstract class RetentionContract(IndexEngine engine) : IndexContract(engine)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs + 1_000_000);

    [ContractFact]
    public void ApplyRetention_MaxEvents_KeepsExactlyTheNewest()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 999));

        var deleted = index.ApplyRetention(new RetentionPolicy(MaxEvents: 300, MaxAge: null), Now);

        Assert.Equal(700, deleted);
        Assert.Equal(300, index.GetStatistics().TotalEvents);
        var left = index.Query(new EventSelection { Limit = 1000 });
        Assert.Equal(Enumerable.Range(700, 300).Reverse().Select(i => (long)i), left.Select(e => e.Offset));
        Assert.Null(index.Get("orders", 0, 699));
        Assert.NotNull(index.Get("orders", 0, 700));
    }

    [ContractFact]
    public void ApplyRetention_MaxAge_DeletesOlderEventsAcrossTopics()
    {
        var index = Engine.Open();
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

    [ContractFact]
    public void ApplyRetention_ManyEvents_DeletesInSeveralTransactionsAndAllHolds()
    {
        var index = Engine.Open();
        for (var p = 0; p < 5; p++)
        {
            index.Write(Envelopes.Range("orders", p, 0, 4_999));
        }

        var deleted = index.ApplyRetention(new RetentionPolicy(MaxEvents: 1_000, MaxAge: null), Now);

        Assert.Equal(24_000, deleted);
        Assert.Equal(1_000, index.GetStatistics().TotalEvents);
        // An engine may delete the oldest by storage unit (LiteDB: chunks of up to 256 events of one partition), so
        // what is kept is the newest up to one unit's span: nothing older than the last two LiteDB chunks.
        Assert.All(index.Query(new EventSelection { Limit = 1000 }), e => Assert.True(e.Offset >= 4_608));
        Assert.All(Enumerable.Range(0, 5), p => Assert.NotNull(index.Get("orders", p, 4_999)));
    }

    [ContractFact]
    public void ApplyRetention_KeepsCheckpoints_SoDeletedEventsAreNotReingested()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 99));
        index.ApplyRetention(new RetentionPolicy(MaxEvents: 10, MaxAge: null), Now);
        Assert.Equal(0, index.Write(Envelopes.Range("orders", 0, 0, 99)));

        var reopened = Reopen(index);

        Assert.Equal(100, reopened.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
        Assert.Equal(0, reopened.Write(Envelopes.Range("orders", 0, 0, 99)));
        Assert.Equal(10, reopened.GetStatistics().TotalEvents);
        Assert.Equal(10, reopened.GetStatistics().Topics["orders"].Count);
    }

    [ContractFact]
    public void ApplyRetention_WithinLimits_DeletesNothing()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 99));

        var deleted = index.ApplyRetention(new RetentionPolicy(MaxEvents: 100, MaxAge: TimeSpan.FromDays(1)), Now);

        Assert.Equal(0, deleted);
        Assert.Equal(100, index.GetStatistics().TotalEvents);
    }

    [ContractFact]
    public void ApplyRetention_MaxEventsZero_MeansNoLimit()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 99));

        var deleted = index.ApplyRetention(new RetentionPolicy(MaxEvents: 0, MaxAge: null), Now);

        Assert.Equal(0, deleted);
        Assert.Equal(100, index.GetStatistics().TotalEvents);
    }

    [ContractFact]
    public void ApplyRetention_PartOfAPartition_StillServesLookupsAfterReopen()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 199));
        index.ApplyRetention(new RetentionPolicy(MaxEvents: 150, MaxAge: null), Now);

        var reopened = Reopen(index);

        Assert.Equal(150, reopened.GetStatistics().TotalEvents);
        Assert.Equal("orders-0-120", reopened.Query(new EventSelection { MessageId = "orders-0-120" }).Single().MessageId);
        Assert.Empty(reopened.Query(new EventSelection { MessageId = "orders-0-20" }));
        Assert.NotNull(reopened.Get("orders", 0, 50));
        Assert.Null(reopened.Get("orders", 0, 49));
    }

    [ContractFact]
    public void ApplyRetention_AfterwardsReadsAndRanges_AgreeOnWhatIsLeft()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 399).Concat(Envelopes.Range("orders", 1, 0, 199)).ToList());

        index.ApplyRetention(new RetentionPolicy(MaxEvents: 250, MaxAge: null), Now);

        var read = index.ReadOldestFirst(new EventRange()).ToList();
        Assert.Equal(250, read.Count);
        Assert.Equal(250, index.Count(new EventRange()));
        var fromRead = read.GroupBy(e => e.Partition).Select(g => (g.Key, g.Min(e => e.Offset), g.Max(e => e.Offset), (long)g.Count()));
        var ranges = index.GetPartitionRanges("orders").Select(r => (r.Partition, r.OldestOffset, r.NewestOffset, r.Count));
        Assert.Equal(fromRead.OrderBy(r => r.Key), ranges.OrderBy(r => r.Partition));
    }
}
