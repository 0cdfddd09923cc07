using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>Retention gaps (offsets the broker deleted before they were indexed): recorded with the checkpoints, aged out.</summary>
public abstract class RetentionGapContract(IndexEngine engine) : IndexContract(engine)
{
    /// <summary>
    /// Gaps every engine keeps at most, the oldest going first (LiteDB: <c>LiteDbEventIndex.MaxKeptGaps</c>): the
    /// status page's totals must not depend on the engine.
    /// </summary>
    public const int MaxKeptGaps = 10_000;

    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TopicPartitionKey Orders0 = new("orders", 0);

    [ContractFact]
    public void Write_EventsAfterAGap_StoresTheGapAndMovesTheCheckpointPastIt()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 4));

        var stored = index.Write(Envelopes.Range("orders", 0, 10, 12), [Gap("orders", 0, 5, 9)]);

        Assert.Equal(3, stored);
        Assert.Equal(13, index.GetCheckpoints()[Orders0]);
        var gap = Assert.Single(index.GetRetentionGaps());
        Assert.Equal((5, 9, 5L, At), (gap.FirstOffset, gap.LastOffset, gap.Count, gap.DetectedAt));
        var statistics = index.GetStatistics();
        Assert.Equal((8, 1, 5), (statistics.TotalEvents, statistics.RetentionGaps, statistics.MessagesLost));
        Assert.Equal(5, statistics.Topics["orders"].LostToRetention);
    }

    [ContractFact]
    public void Write_GapWithoutEvents_MovesTheCheckpointOfANewPartition()
    {
        var index = Engine.Open();

        index.Write([], [Gap("payments", 2, 0, 99)]);

        Assert.Equal(100, index.GetCheckpoints()[new TopicPartitionKey("payments", 2)]);
        Assert.Equal(100, index.GetStatistics().MessagesLost);
    }

    [ContractFact]
    public void Write_GapTheCheckpointIsAlreadyPast_IsIgnoredAndAnOverlapIsClipped()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 19));

        index.Write([], [Gap("orders", 0, 5, 9), Gap("orders", 0, 15, 29)]);

        var gap = Assert.Single(index.GetRetentionGaps());
        Assert.Equal((20, 29), (gap.FirstOffset, gap.LastOffset));
        Assert.Equal(30, index.GetCheckpoints()[Orders0]);
    }

    [ContractFact]
    public void Write_SameGapTwice_KeepsOneRecord()
    {
        var index = Engine.Open();
        index.Write([], [Gap("orders", 0, 0, 9)]);

        index.Write([], [Gap("orders", 0, 0, 9)]);

        Assert.Single(index.GetRetentionGaps());
        Assert.Equal(10, index.GetStatistics().MessagesLost);
    }

    [ContractFact]
    public void Open_AfterGapsWereWritten_ReadsThemBackNewestFirstPerTopic()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 3, 3), [Gap("orders", 0, 0, 2)]);
        index.Write(Envelopes.Range("payments", 1, 7, 7), [Gap("payments", 1, 0, 6, At.AddSeconds(5))]);

        var reopened = Reopen(index);

        Assert.Equal(["payments", "orders"], reopened.GetRetentionGaps().Select(g => g.Topic));
        Assert.Equal(7, Assert.Single(reopened.GetRetentionGaps("payments")).Count);
        Assert.Single(reopened.GetRetentionGaps(limit: 1));
        Assert.Equal(10, reopened.GetStatistics().MessagesLost);
        Assert.Equal(2, reopened.Query(new EventSelection { Limit = 10 }).Count);
    }

    [ContractFact]
    public void ApplyRetention_GapsOlderThanMaxAge_AreForgottenInTheStoreAndTheTotals()
    {
        var index = Engine.Open();
        index.Write([], [Gap("orders", 0, 0, 9, At), Gap("payments", 1, 0, 4, At.AddHours(2))]);

        index.ApplyRetention(new RetentionPolicy(null, TimeSpan.FromHours(1)), At.AddHours(2.5));

        var kept = Assert.Single(index.GetRetentionGaps());
        Assert.Equal("payments", kept.Topic);
        var statistics = index.GetStatistics();
        Assert.Equal((1, 5), (statistics.RetentionGaps, statistics.MessagesLost));
        Assert.Equal(10, index.GetCheckpoints()[Orders0]);
        Assert.Equal("payments", Assert.Single(Reopen(index).GetRetentionGaps()).Topic);
    }

    [ContractFact]
    public void ApplyRetention_MoreGapsThanKept_DropsTheOldestBeyondTheCap()
    {
        var index = Engine.Open();
        var gaps = Enumerable.Range(0, MaxKeptGaps + 3)
            .Select(i => Gap("orders", i, 0, 0, At.AddSeconds(i)))
            .ToList();
        index.Write([], gaps);

        index.ApplyRetention(new RetentionPolicy(null, null), At.AddDays(1));

        var kept = index.GetRetentionGaps();
        Assert.Equal(MaxKeptGaps, kept.Count);
        Assert.Equal(3, kept.Min(g => g.Partition));
        Assert.Equal(MaxKeptGaps, index.GetStatistics().MessagesLost);
    }

    private static RetentionGap Gap(string topic, int partition, long first, long last, DateTimeOffset? at = null) =>
        new(topic, partition, first, last, at ?? At);
}
