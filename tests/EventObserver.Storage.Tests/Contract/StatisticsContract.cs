using EventObserver.Core.Indexing;
using EventObserver.Storage.Tests.Contract.Skipping;
using EventObserver.Storage.Tests.Support;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>What the status and topic pages show without reading events: totals per topic and each partition's indexed range.</summary>
public abstract class StatisticsContract(IndexEngine engine) : IndexContract(engine)
{
    private const long T = Envelopes.BaseTimestampMs;

    [ContractFact]
    public void GetPartitionRanges_PartitionsWithHoles_GiveOldestNewestCountAndTimes()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 9));
        index.Write(Envelopes.Range("orders", 0, 20, 29), [new RetentionGap("orders", 0, 10, 19, DateTimeOffset.UnixEpoch)]);
        index.Write([Envelopes.Event("orders", 3, 7, timestampMs: T + 500), Envelopes.Event("payments", 0, 0)]);

        var ranges = Reopen(index).GetPartitionRanges("orders");

        Assert.Equal(
            [
                new PartitionIndexRange(0, 0, 29, 20, DateTimeOffset.FromUnixTimeMilliseconds(T), DateTimeOffset.FromUnixTimeMilliseconds(T + 29)),
                new PartitionIndexRange(3, 7, 7, 1, DateTimeOffset.FromUnixTimeMilliseconds(T + 500), DateTimeOffset.FromUnixTimeMilliseconds(T + 500)),
            ],
            ranges.OrderBy(r => r.Partition));
    }

    [ContractFact]
    public void GetStatistics_SeveralTopics_CountLastEventAndPartitionsPerTopic()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 99).Concat(Envelopes.Range("orders", 5, 0, 9)).ToList());
        index.Write([Envelopes.Event("payments", 2, 0, timestampMs: T + 5_000)]);

        var statistics = index.GetStatistics();

        Assert.Equal(111, statistics.TotalEvents);
        Assert.Equal(
            [
                new TopicIndexStatistics("orders", 110, DateTimeOffset.FromUnixTimeMilliseconds(T + 99), 2),
                new TopicIndexStatistics("payments", 1, DateTimeOffset.FromUnixTimeMilliseconds(T + 5_000), 1),
            ],
            statistics.Topics.Values.OrderBy(t => t.Topic, StringComparer.Ordinal));
        Assert.Equal((0, 0), (statistics.RetentionGaps, statistics.MessagesLost));
    }

    [ContractFact]
    public void GetStatistics_StoreGrows_SizeIsPositiveAndNeverFalls()
    {
        var index = Engine.Open();
        index.Write(Envelopes.Range("orders", 0, 0, 9));
        var small = index.GetStatistics().FileSizeBytes;

        index.Write([.. Enumerable.Range(10, 5_000).Select(i => RecordShapes.Json("orders", 0, i))]);

        Assert.True(small > 0, $"size {small}");
        Assert.True(index.GetStatistics().FileSizeBytes >= small);
    }
}
