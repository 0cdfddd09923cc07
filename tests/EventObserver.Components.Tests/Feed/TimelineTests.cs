using EventObserver.Features.Feed;

namespace EventObserver.Components.Tests.Feed;

public sealed class TimelineTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counter_EventsPerSecondPerTopic_AreBucketedByTheirTimestamps()
    {
        var counter = new SecondCounter(seconds: 60);
        counter.Record("orders", Now.AddSeconds(-10).ToUnixTimeMilliseconds());
        counter.Record("orders", Now.AddSeconds(-10).AddMilliseconds(500).ToUnixTimeMilliseconds());
        counter.Record("payments", Now.AddSeconds(-1).ToUnixTimeMilliseconds());
        counter.Record("payments", Now.AddMinutes(-5).ToUnixTimeMilliseconds()); // older than the window

        var snapshot = counter.Snapshot(Now);

        Assert.Equal(Now.AddSeconds(-60), snapshot.Start);
        Assert.Equal(2, snapshot.ByTopic["orders"][50]);
        Assert.Equal(1, snapshot.ByTopic["payments"][59]);
        Assert.Equal(1, snapshot.ByTopic["payments"].Sum());
    }

    [Fact]
    public void Model_Buckets_AverageRatesAndEndAtTheirMoment()
    {
        var counter = new SecondCounter(seconds: 60);
        for (var i = 0; i < 10; i++)
        {
            counter.Record("orders", Now.AddSeconds(-3).ToUnixTimeMilliseconds());
        }

        var model = TimelineModel.Build(counter.Snapshot(Now));

        Assert.Equal(12, model.Bars.Count);
        var last = model.Bars[^1];
        Assert.Equal(Now, last.End);
        Assert.Equal(2.0, last.Total); // 10 events in a 5 s bucket
        Assert.Equal(2.0, model.Peak);
        Assert.Contains("orders: 2.0/s", last.Tooltip, StringComparison.Ordinal);
    }
}
