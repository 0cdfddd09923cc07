using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.TestSupport;

namespace EventObserver.Core.Tests.Groups;

public sealed class TimeLagResolverTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TopicPartitionKey Orders = new("orders", 0);

    [Fact]
    public void Resolve_EventAtCommittedOffsetIndexed_IsExactAgeOfThatEvent()
    {
        var index = new FakeGroupIndex();
        index.Add("orders", 0, 4, Now.AddSeconds(-90));
        index.Add("orders", 0, 5, Now.AddSeconds(-30));
        var resolver = new TimeLagResolver(index);

        var lag = resolver.Resolve(Orders, 4, logEndOffset: 6, Now);

        Assert.Equal(TimeLagStatus.Exact, lag.Status);
        Assert.Equal(TimeSpan.FromSeconds(90), lag.Value);
        Assert.Equal(Now.AddSeconds(-90), lag.FirstUncommittedAt);
    }

    [Fact]
    public void Resolve_CommittedAtLogEnd_IsCaughtUpWithoutReadingTheIndex()
    {
        var index = new FakeGroupIndex();
        var resolver = new TimeLagResolver(index);

        var lag = resolver.Resolve(Orders, 6, logEndOffset: 6, Now);

        Assert.Equal(TimeLagStatus.CaughtUp, lag.Status);
        Assert.Equal(TimeSpan.Zero, lag.Value);
        Assert.Equal(0, index.Gets);
    }

    [Fact]
    public void Resolve_CommittedBeyondWhatTheIndexHolds_IsNotYetIndexed()
    {
        var index = new FakeGroupIndex();
        index.Add("orders", 0, 9, Now.AddSeconds(-5));
        var resolver = new TimeLagResolver(index);

        var lag = resolver.Resolve(Orders, 10, logEndOffset: 20, Now);

        Assert.Equal(TimeLagStatus.NotYetIndexed, lag.Status);
        Assert.Null(lag.Value);
    }

    [Fact]
    public void Resolve_CommittedBeforeTheOldestIndexedEvent_IsNoLongerIndexed()
    {
        var index = new FakeGroupIndex();
        index.Add("orders", 0, 50, Now.AddSeconds(-5));
        var resolver = new TimeLagResolver(index);

        var lag = resolver.Resolve(Orders, 3, logEndOffset: 60, Now);

        Assert.Equal(TimeLagStatus.NoLongerIndexed, lag.Status);
    }

    [Fact]
    public void Resolve_NoIndexOpen_IsUnknown()
    {
        var index = new FakeGroupIndex { Open = false };
        var resolver = new TimeLagResolver(index);

        Assert.Equal(TimeLagStatus.Unknown, resolver.Resolve(Orders, 3, 10, Now).Status);
    }

    [Fact]
    public void Resolve_SamePositionAgainAndByAnotherGroup_ReadsTheIndexOnceAndAgesWithNow()
    {
        var index = new FakeGroupIndex();
        index.Add("orders", 0, 4, Now.AddSeconds(-90));
        var resolver = new TimeLagResolver(index);

        resolver.Resolve(Orders, 4, 10, Now);
        resolver.StartRefresh();
        var later = resolver.Resolve(Orders, 4, 10, Now.AddSeconds(10));

        Assert.Equal(1, index.Gets);
        Assert.Equal(1, resolver.IndexReads);
        Assert.Equal(Now.AddSeconds(-90), later.FirstUncommittedAt);
        Assert.Equal(TimeSpan.FromSeconds(100), later.Value);
    }

    [Fact]
    public void Resolve_MissThenIndexedBeforeTheNextRefresh_FindsItAfterStartRefresh()
    {
        var index = new FakeGroupIndex();
        var resolver = new TimeLagResolver(index);
        var before = resolver.Resolve(Orders, 4, 10, Now);

        index.Add("orders", 0, 4, Now.AddSeconds(-1));
        var sameRefresh = resolver.Resolve(Orders, 4, 10, Now);
        resolver.StartRefresh();
        var nextRefresh = resolver.Resolve(Orders, 4, 10, Now);

        Assert.Equal(TimeLagStatus.NotYetIndexed, before.Status);
        Assert.Equal(TimeLagStatus.NotYetIndexed, sameRefresh.Status);
        Assert.Equal(TimeLagStatus.Exact, nextRefresh.Status);
    }

    [Fact]
    public void Resolve_NearbyPositionAfterOneRead_IsAnsweredFromTheSameWindow()
    {
        var index = new FakeGroupIndex();
        for (var offset = 0; offset < 100; offset++)
        {
            index.Add("orders", 0, offset, Now.AddSeconds(offset - 100));
        }

        var resolver = new TimeLagResolver(index, readAhead: 50);
        var first = resolver.Resolve(Orders, 10, 100, Now);
        var nearby = resolver.Resolve(Orders, 40, 100, Now);
        var beyond = resolver.Resolve(Orders, 70, 100, Now);
        var joined = resolver.Resolve(Orders, 15, 100, Now);

        Assert.Equal(TimeSpan.FromSeconds(90), first.Value);
        Assert.Equal(TimeSpan.FromSeconds(60), nearby.Value);
        Assert.Equal(TimeSpan.FromSeconds(30), beyond.Value);
        Assert.Equal(TimeSpan.FromSeconds(85), joined.Value);
        Assert.Equal(2, index.Gets);
    }

    [Fact]
    public void StartRefresh_MoreTimestampsThanTheCapacity_DropsTheLeastRecentlyUsedPartition()
    {
        var index = new FakeGroupIndex();
        var payments = new TopicPartitionKey("payments", 0);
        for (var offset = 0; offset < 10; offset++)
        {
            index.Add("orders", 0, offset, Now.AddSeconds(-offset));
            index.Add("payments", 0, offset, Now.AddSeconds(-offset));
        }

        var resolver = new TimeLagResolver(index, capacity: 10, readAhead: 8);
        resolver.Resolve(Orders, 0, 10, Now);
        resolver.StartRefresh();
        resolver.Resolve(payments, 0, 10, Now);
        resolver.StartRefresh();
        var reads = index.Gets;

        resolver.Resolve(payments, 1, 10, Now);
        var paymentsReads = index.Gets - reads;
        var orders = resolver.Resolve(Orders, 1, 10, Now);

        Assert.Equal(0, paymentsReads);
        Assert.Equal(reads + 1, index.Gets);
        Assert.Equal(TimeSpan.FromSeconds(1), orders.Value);
        Assert.True(resolver.CachedTimestamps <= 16);
    }
}
