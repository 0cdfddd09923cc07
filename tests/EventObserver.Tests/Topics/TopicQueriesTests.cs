using EventObserver.Core.Indexing;
using EventObserver.Kafka.Admin;
using EventObserver.Features.Topics;

namespace EventObserver.Tests.Topics;

public sealed class TopicQueriesTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Merge_TopicKnownEverywhere_TakesPartitionsFromClusterCountsFromIndexRateFromIngestion()
    {
        var rows = TopicQueries.Merge(
            [new ClusterTopic("orders", 6, 100)],
            Statistics(new TopicIndexStatistics("orders", 42, At, 2)),
            new Dictionary<string, double> { ["orders"] = 3.456 });

        Assert.Equal([new TopicOverview("orders", 6, 42, At, 3.46)], rows);
    }

    [Fact]
    public void Merge_TopicOnlyInIndex_IsKeptWithPartitionsSeen()
    {
        var rows = TopicQueries.Merge([], Statistics(new TopicIndexStatistics("deleted.topic", 5, At, 3)), new Dictionary<string, double>());

        Assert.Equal([new TopicOverview("deleted.topic", 3, 5, At, 0)], rows);
    }

    [Fact]
    public void Merge_RateForTopicNobodyLists_IsIgnored()
    {
        var rows = TopicQueries.Merge([new ClusterTopic("a", 1, 0)], Statistics(), new Dictionary<string, double> { ["ghost"] = 9 });

        Assert.Equal([new TopicOverview("a", 1, 0, null, 0)], rows);
    }

    [Fact]
    public void Merge_ManyTopics_AreSortedByNameOrdinally()
    {
        var rows = TopicQueries.Merge(
            [new ClusterTopic("b", 1, 0), new ClusterTopic("B", 1, 0)],
            Statistics(new TopicIndexStatistics("a.x", 1, At, 1)),
            new Dictionary<string, double>());

        Assert.Equal(["B", "a.x", "b"], rows.Select(r => r.Name));
    }

    private static IndexStatistics Statistics(params TopicIndexStatistics[] topics) =>
        new(topics.Sum(t => t.Count), 1024, topics.ToDictionary(t => t.Topic, StringComparer.Ordinal));
}
