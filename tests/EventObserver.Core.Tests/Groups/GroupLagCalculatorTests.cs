using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;

namespace EventObserver.Core.Tests.Groups;

public sealed class GroupLagCalculatorTests
{
    private static readonly TopicPartitionKey Orders0 = new("orders", 0);
    private static readonly TopicPartitionKey Orders1 = new("orders", 1);
    private static readonly TopicPartitionKey Payments0 = new("payments", 0);

    private static readonly GroupCalculatorTimeLag NoTimeLag = new();

    [Fact]
    public void Build_CommittedBehindLogEnd_LagIsLogEndMinusCommittedPerPartitionAndRolledUp()
    {
        var status = GroupLagCalculator.Build(
            Description(),
            Committed((Orders0, 10), (Orders1, 20), (Payments0, 5)),
            Marks((Orders0, 15), (Orders1, 27), (Payments0, 5)),
            NoTimeLag.Lookup);

        Assert.Equal([5L, 7L, 0L], status.Partitions.Select(p => p.Lag!.Value));
        Assert.Equal(12, status.TotalLag);
        var orders = Assert.Single(status.Topics, t => t.Topic == "orders");
        Assert.Equal((2, 12L), (orders.Partitions, orders.Lag));
        Assert.Equal(0, Assert.Single(status.Topics, t => t.Topic == "payments").Lag);
    }

    [Fact]
    public void Build_CommittedAheadOfLogEnd_LagIsZeroNotNegative()
    {
        var status = GroupLagCalculator.Build(Description(), Committed((Orders0, 30)), Marks((Orders0, 25)), NoTimeLag.Lookup);

        Assert.Equal(0, status.Partitions.Single().Lag);
        Assert.Equal(TimeLagStatus.CaughtUp, status.Partitions.Single().TimeLag.Status);
    }

    [Fact]
    public void Build_AssignedPartitionWithoutCommit_IsNoCommitWithoutLag()
    {
        var member = new GroupMember("m-1", "client", "/10.0.0.1", [Orders0, Orders1]);
        var status = GroupLagCalculator.Build(Description(member), Committed((Orders0, 3)), Marks((Orders0, 5), (Orders1, 9)), NoTimeLag.Lookup);

        var uncommitted = Assert.Single(status.Partitions, p => p.Partition == 1);
        Assert.Equal(TimeLagStatus.NoCommit, uncommitted.TimeLag.Status);
        Assert.Null(uncommitted.CommittedOffset);
        Assert.Null(uncommitted.Lag);
        Assert.Equal(9, uncommitted.LogEndOffset);
        Assert.Equal(2, status.TotalLag);
    }

    [Fact]
    public void Build_NegativeCommittedSentinel_IsTreatedAsNoCommit()
    {
        var status = GroupLagCalculator.Build(Description(), Committed((Orders0, -1001)), Marks((Orders0, 5)), NoTimeLag.Lookup);

        Assert.Equal(TimeLagStatus.NoCommit, status.Partitions.Single().TimeLag.Status);
        Assert.Equal(0, status.TotalLag);
    }

    [Fact]
    public void Build_CaughtUpPartition_DoesNotAskForTimeLag()
    {
        var timeLag = new GroupCalculatorTimeLag();

        var status = GroupLagCalculator.Build(Description(), Committed((Orders0, 5), (Orders1, 2)), Marks((Orders0, 5), (Orders1, 4)), timeLag.Lookup);

        Assert.Equal([Orders1], timeLag.Asked);
        Assert.Equal(TimeLagStatus.CaughtUp, status.Partitions[0].TimeLag.Status);
    }

    [Fact]
    public void Build_TimeLags_MaxPerTopicAndForTheGroup()
    {
        var timeLag = new GroupCalculatorTimeLag
        {
            Answers =
            {
                [Orders0] = new TimeLag(TimeLagStatus.Exact, TimeSpan.FromSeconds(40)),
                [Orders1] = new TimeLag(TimeLagStatus.Exact, TimeSpan.FromSeconds(70)),
                [Payments0] = new TimeLag(TimeLagStatus.NoLongerIndexed),
            },
        };

        var status = GroupLagCalculator.Build(
            Description(), Committed((Orders0, 1), (Orders1, 1), (Payments0, 1)), Marks((Orders0, 5), (Orders1, 5), (Payments0, 5)), timeLag.Lookup);

        Assert.Equal(TimeSpan.FromSeconds(70), status.MaxTimeLag);
        Assert.Equal(TimeSpan.FromSeconds(70), status.Topics.Single(t => t.Topic == "orders").MaxTimeLag);
        Assert.Null(status.Topics.Single(t => t.Topic == "payments").MaxTimeLag);
    }

    [Fact]
    public void Build_WithPreviousRefresh_ConsumeRateIsOffsetsMovedPerSecond()
    {
        var previous = GroupLagCalculator.Build(Description(), Committed((Orders0, 100), (Orders1, 50)), Marks((Orders0, 500), (Orders1, 500)), NoTimeLag.Lookup);

        var status = GroupLagCalculator.Build(
            Description(), Committed((Orders0, 300), (Orders1, 40)), Marks((Orders0, 500), (Orders1, 500)), NoTimeLag.Lookup,
            previous, TimeSpan.FromSeconds(10));

        Assert.Equal(20.0, status.Partitions[0].ConsumedPerSecond);
        Assert.Null(status.Partitions[1].ConsumedPerSecond);
        Assert.Equal(20.0, status.Topics.Single().ConsumedPerSecond);
    }

    [Fact]
    public void Build_FirstRefresh_HasNoConsumeRate()
    {
        var status = GroupLagCalculator.Build(Description(), Committed((Orders0, 100)), Marks((Orders0, 500)), NoTimeLag.Lookup);

        Assert.Null(status.Partitions[0].ConsumedPerSecond);
        Assert.Null(status.Topics.Single().ConsumedPerSecond);
    }

    [Fact]
    public void Build_UnknownLogEnd_LagUnknownButTimeLagStillAsked()
    {
        var timeLag = new GroupCalculatorTimeLag();

        var status = GroupLagCalculator.Build(Description(), Committed((Orders0, 3)), Marks(), timeLag.Lookup);

        Assert.Null(status.Partitions[0].Lag);
        Assert.Equal([Orders0], timeLag.Asked);
    }

    [Fact]
    public void Build_DescriptionAndOffsetErrors_AreBothReported()
    {
        var description = new GroupDescription("g", GroupState.Unknown, null, null, [], false, "describe timed out");
        var committed = new GroupCommittedOffsets("g", new Dictionary<TopicPartitionKey, long>(), "coordinator not available");

        var status = GroupLagCalculator.Build(description, committed, Marks(), NoTimeLag.Lookup);

        Assert.Equal("describe timed out; coordinator not available", status.Error);
        Assert.Empty(status.Partitions);
    }

    private static GroupDescription Description(params GroupMember[] members) =>
        new("g", GroupState.Stable, "consumer", "range", members, true);

    private static GroupCommittedOffsets Committed(params (TopicPartitionKey Key, long Offset)[] offsets) =>
        new("g", offsets.ToDictionary(o => o.Key, o => o.Offset));

    private static Dictionary<TopicPartitionKey, PartitionWatermarks> Marks(params (TopicPartitionKey Key, long High)[] ends) =>
        ends.ToDictionary(e => e.Key, e => new PartitionWatermarks(0, e.High));

    private sealed class GroupCalculatorTimeLag
    {
        public Dictionary<TopicPartitionKey, TimeLag> Answers { get; } = [];

        public List<TopicPartitionKey> Asked { get; } = [];

        public TimeLag Lookup(TopicPartitionKey partition, long committed, long? logEnd)
        {
            Asked.Add(partition);
            return Answers.GetValueOrDefault(partition, TimeLag.Unknown);
        }
    }
}
