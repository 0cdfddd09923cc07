using Confluent.Kafka;
using EventObserver.Kafka.Demo;

namespace EventObserver.Kafka.Tests.Demo;

public sealed class DemoGroupProgressTests
{
    private static readonly TopicPartition P0 = new("orders.events", 0);
    private static readonly TopicPartition P1 = new("orders.events", 1);

    [Fact]
    public void Due_NormalGroup_CommitsNextOffsetOnlyWhenItMoved()
    {
        var progress = new DemoGroupProgress(slowDelay: null);
        progress.Record(P0, 4, 1_000);
        progress.Record(P0, 5, 1_000);

        var first = progress.Due(nowMs: 1_000);
        progress.Committed(first);
        var second = progress.Due(nowMs: 2_000);

        Assert.Equal([new TopicPartitionOffset(P0, 6)], first);
        Assert.Empty(second);
    }

    [Fact]
    public void Due_SlowGroup_CommitsOnlyPastEventsOlderThanTheDelay()
    {
        var progress = new DemoGroupProgress(TimeSpan.FromSeconds(60));
        progress.Record(P0, 0, 10_000);
        progress.Record(P0, 1, 20_000);
        progress.Record(P0, 2, 50_000);
        progress.Record(P1, 0, 55_000);

        var due = progress.Due(nowMs: 80_000);

        // Offsets 0 and 1 of P0 are ≥ 60 s old at 80 s; offset 2 and P1's event are not, so P1 has nothing to commit.
        Assert.Equal([new TopicPartitionOffset(P0, 2)], due);
        Assert.Equal(2, progress.Pending);
    }

    [Fact]
    public void Due_OnlyGivenPartitions_LeavesTheOthersForLater()
    {
        var progress = new DemoGroupProgress(slowDelay: null);
        progress.Record(P0, 1, 0);
        progress.Record(P1, 7, 0);

        var due = progress.Due(nowMs: 0, only: [P1]);

        Assert.Equal([new TopicPartitionOffset(P1, 8)], due);
    }

    [Fact]
    public void Forget_RevokedPartition_IsNeitherCommittedNorPending()
    {
        var progress = new DemoGroupProgress(TimeSpan.FromSeconds(1));
        progress.Record(P0, 1, 0);
        progress.Record(P1, 1, 0);

        progress.Forget([P0]);

        Assert.Equal([new TopicPartitionOffset(P1, 2)], progress.Due(nowMs: 5_000));
        Assert.Equal(0, progress.Pending);
    }
}
