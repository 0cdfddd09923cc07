using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Tests.Support;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Storage.Tests.Index;

public sealed class RetentionGapStorageTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TopicPartitionKey Orders0 = new("orders", 0);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_EventsAfterAGap_StoresTheGapAndMovesTheCheckpointPastIt()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("a.db"));
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

    [Fact]
    public void Write_GapWithoutEvents_MovesTheCheckpointOfANewPartition()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("a.db"));

        index.Write([], [Gap("payments", 2, 0, 99)]);

        Assert.Equal(100, index.GetCheckpoints()[new TopicPartitionKey("payments", 2)]);
        Assert.Equal(100, index.GetStatistics().MessagesLost);
    }

    [Fact]
    public void Write_GapTheCheckpointIsAlreadyPast_IsIgnoredAndAnOverlapIsClipped()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("a.db"));
        index.Write(Envelopes.Range("orders", 0, 0, 19));

        index.Write([], [Gap("orders", 0, 5, 9), Gap("orders", 0, 15, 29)]);

        var gap = Assert.Single(index.GetRetentionGaps());
        Assert.Equal((20, 29), (gap.FirstOffset, gap.LastOffset));
        Assert.Equal(30, index.GetCheckpoints()[Orders0]);
    }

    [Fact]
    public void Write_FailureBeforeCommit_KeepsNeitherTheGapNorTheCheckpoint()
    {
        var path = _dir.File("a.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.Write(Envelopes.Range("orders", 0, 0, 4));
            index.BeforeCommit = () => throw new IOException("disk gone");

            Assert.Throws<IOException>(() => index.Write(Envelopes.Range("orders", 0, 10, 12), [Gap("orders", 0, 5, 9)]));

            Assert.Empty(index.GetRetentionGaps());
            Assert.Equal(5, index.GetCheckpoints()[Orders0]);
        }

        using var reopened = LiteDbEventIndex.Open(path);
        Assert.Empty(reopened.GetRetentionGaps());
        Assert.Equal(5, reopened.GetCheckpoints()[Orders0]);
    }

    [Fact]
    public void Open_AfterGapsWereWritten_ReadsThemBackNewestFirstPerTopic()
    {
        var path = _dir.File("a.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.Write(Envelopes.Range("orders", 0, 3, 3), [Gap("orders", 0, 0, 2)]);
            index.Write(Envelopes.Range("payments", 1, 7, 7), [Gap("payments", 1, 0, 6, At.AddSeconds(5))]);
        }

        using var reopened = LiteDbEventIndex.Open(path);

        Assert.Equal(["payments", "orders"], reopened.GetRetentionGaps().Select(g => g.Topic));
        Assert.Equal(7, Assert.Single(reopened.GetRetentionGaps("payments")).Count);
        Assert.Single(reopened.GetRetentionGaps(limit: 1));
        Assert.Equal(10, reopened.GetStatistics().MessagesLost);
        Assert.Equal(2, reopened.Query(new EventSelection { Limit = 10 }).Count);
    }

    [Fact]
    public void OpenForCluster_OtherCluster_ArchivesTheGapsWithTheIndex()
    {
        var time = new FakeTimeProvider(At);
        using var provider = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = _dir.File("eo.db") }), NullLogger<EventIndexProvider>.Instance, time);
        provider.OpenForCluster("cluster-a").Write(Envelopes.Range("orders", 0, 5, 5), [Gap("orders", 0, 0, 4)]);

        var fresh = provider.OpenForCluster("cluster-b");

        Assert.Empty(fresh.GetRetentionGaps());
        using var archived = LiteDbEventIndex.Open(provider.LastSwitch!.ArchivedTo);
        Assert.Equal(5, Assert.Single(archived.GetRetentionGaps()).Count);
    }

    [Fact]
    public void ApplyRetention_GapsOlderThanMaxAge_AreForgottenInTheFileAndTheTotals()
    {
        var path = _dir.File("a.db");
        using (var index = LiteDbEventIndex.Open(path))
        {
            index.Write([], [Gap("orders", 0, 0, 9, At), Gap("payments", 1, 0, 4, At.AddHours(2))]);

            index.ApplyRetention(new RetentionPolicy(null, TimeSpan.FromHours(1)), At.AddHours(2.5));

            var kept = Assert.Single(index.GetRetentionGaps());
            Assert.Equal("payments", kept.Topic);
            var statistics = index.GetStatistics();
            Assert.Equal((1, 5), (statistics.RetentionGaps, statistics.MessagesLost));
            Assert.Equal(10, index.GetCheckpoints()[Orders0]);
        }

        using var reopened = LiteDbEventIndex.Open(path);
        Assert.Equal("payments", Assert.Single(reopened.GetRetentionGaps()).Topic);
    }

    [Fact]
    public void ApplyRetention_MoreGapsThanKept_DropsTheOldestBeyondTheCap()
    {
        using var index = LiteDbEventIndex.Open(_dir.File("a.db"));
        var gaps = Enumerable.Range(0, LiteDbEventIndex.MaxKeptGaps + 3)
            .Select(i => Gap("orders", i, 0, 0, At.AddSeconds(i)))
            .ToList();
        index.Write([], gaps);

        index.ApplyRetention(new RetentionPolicy(null, null), At.AddDays(1));

        var kept = index.GetRetentionGaps();
        Assert.Equal(LiteDbEventIndex.MaxKeptGaps, kept.Count);
        Assert.Equal(3, kept.Min(g => g.Partition));
        Assert.Equal(LiteDbEventIndex.MaxKeptGaps, index.GetStatistics().MessagesLost);
    }

    private static RetentionGap Gap(string topic, int partition, long first, long last, DateTimeOffset? at = null) =>
        new(topic, partition, first, last, at ?? At);
}
