using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Features.Feed;

namespace EventObserver.Components.Tests.Feed;

public sealed class TimelineTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counter_EventsPerSecondPerTopic_AreBucketedByTheirTimestamps()
    {
        var counter = new SecondCounter(seconds: 60);
        counter.Record(
        [
            At("orders", 0, Now.AddSeconds(-10)),
            At("orders", 1, Now.AddSeconds(-10).AddMilliseconds(500)),
            At("payments", 0, Now.AddMinutes(-5)), // older than the window
            At("payments", 1, Now.AddSeconds(-1)),
        ]);

        var snapshot = counter.Snapshot(Now);

        Assert.Equal(Now.AddSeconds(-60), snapshot.Start);
        Assert.Equal(2, snapshot.ByTopic["orders"][50]);
        Assert.Equal(1, snapshot.ByTopic["payments"][59]);
        Assert.Equal(1, snapshot.ByTopic["payments"].Sum());
    }

    [Fact]
    public void Counter_SameEventFromRingBufferAndSubscription_IsCountedOnce()
    {
        var counter = new SecondCounter(seconds: 60);
        var e = At("orders", 7, Now.AddSeconds(-3));

        counter.Record([e]);
        counter.Record([e]);

        Assert.Equal(1, counter.Snapshot(Now).ByTopic["orders"].Sum());
    }

    [Fact]
    public void Counter_SeededFromTheIndex_CountsHeldLiveEventsOnlyBeyondTheIndexEnd()
    {
        var counter = new SecondCounter(seconds: 60);
        counter.Record([At("orders", 0, Now.AddSeconds(-50))]); // the previous filter's count
        var epoch = counter.Restart();
        counter.Record([At("orders", 4, Now.AddSeconds(-2)), At("orders", 5, Now.AddSeconds(-1))]); // held: 4 is in the index
        var index = new long[60];
        index[40] = 3;
        index[58] = 1;
        var counts = new TimelineCounts(
            Now.AddSeconds(-60),
            new Dictionary<string, long[]>(StringComparer.Ordinal) { ["orders"] = index },
            new Dictionary<TopicPartitionKey, long> { [new("orders", 0)] = 5 },
            4,
            Now.AddSeconds(-60),
            ["OrderPlaced"]);

        Assert.True(counter.Counting);
        Assert.True(counter.Seed(epoch, counts));

        var orders = counter.Snapshot(Now).ByTopic["orders"];
        Assert.False(counter.Counting);
        Assert.Equal(0, orders[10]);
        Assert.Equal(3, orders[40]);
        Assert.Equal(1, orders[58]);
        Assert.Equal(1, orders[59]);
        Assert.Equal(5, orders.Sum());
        Assert.False(counter.Seed(epoch, counts)); // once only
    }

    [Fact]
    public void Counter_SeedOfAnOlderFilter_IsIgnored()
    {
        var counter = new SecondCounter(seconds: 60);
        var stale = counter.Restart();
        counter.Restart();

        Assert.False(counter.Seed(stale, TimelineCounts.None(Now.AddSeconds(-60))));
        Assert.True(counter.Counting);
    }

    [Fact]
    public void Model_Buckets_AverageRatesCountEventsAndEndAtTheirMoment()
    {
        var counter = new SecondCounter(seconds: 60);
        counter.Record([.. Enumerable.Range(0, 10).Select(i => At("orders", i, Now.AddSeconds(-3)))]);

        var model = TimelineModel.Build(counter.Snapshot(Now));

        Assert.Equal(12, model.Bars.Count);
        var last = model.Bars[^1];
        Assert.Equal(Now, last.End);
        Assert.Equal(2.0, last.Total); // 10 events in a 5 s bucket
        Assert.Equal(10, last.Events);
        Assert.Equal(2.0, model.Peak);
        Assert.Contains("10 events (2.0/s)", last.Tooltip, StringComparison.Ordinal);
        Assert.Contains("orders: 2.0/s", last.Tooltip, StringComparison.Ordinal);
    }

    private static EventEnvelope At(string topic, long offset, DateTimeOffset at) => TestEnvelopes.Json(topic, offset, at: at);
}
