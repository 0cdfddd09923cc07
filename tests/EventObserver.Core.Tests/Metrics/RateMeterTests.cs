using EventObserver.Core.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Core.Tests.Metrics;

public sealed class RateMeterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void GetRate_NothingRecorded_IsZero()
    {
        var meter = new RateMeter(_time, windowSeconds: 5);

        Assert.Equal(0, meter.GetRate());
        Assert.Equal(0, meter.GetRate("orders"));
    }

    [Fact]
    public void GetRate_AfterOneFullSecond_AveragesOverWindow()
    {
        var meter = new RateMeter(_time, windowSeconds: 5);
        meter.Record("orders", 50);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(10, meter.GetRate("orders"));
    }

    [Fact]
    public void GetRate_RunningSecond_IsExcluded()
    {
        var meter = new RateMeter(_time, windowSeconds: 5);

        meter.Record("orders", 50);

        Assert.Equal(0, meter.GetRate("orders"));
    }

    [Fact]
    public void GetRate_EventsOlderThanWindow_DropOut()
    {
        var meter = new RateMeter(_time, windowSeconds: 5);
        meter.Record("orders", 50);
        _time.Advance(TimeSpan.FromSeconds(1));
        meter.Record("orders", 5);

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(1, meter.GetRate("orders"));
    }

    [Fact]
    public void GetRate_SteadyStream_ReportsPerSecondRate()
    {
        var meter = new RateMeter(_time, windowSeconds: 10);
        for (var second = 0; second < 30; second++)
        {
            meter.Record("orders", 100);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(100, meter.GetRate("orders"));
    }

    [Fact]
    public void Record_AfterGapLongerThanRing_DoesNotCountStaleBucket()
    {
        var meter = new RateMeter(_time, windowSeconds: 2);
        meter.Record("orders", 5);
        _time.Advance(TimeSpan.FromSeconds(3));
        meter.Record("orders", 1);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0.5, meter.GetRate("orders"));
    }

    [Fact]
    public void GetRate_Total_SumsAllKeys()
    {
        var meter = new RateMeter(_time, windowSeconds: 2);
        meter.Record("orders", 3);
        meter.Record("payments", 1);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, meter.GetRate());
        Assert.Equal(2, meter.GetRate(RateMeter.Total));
    }

    [Fact]
    public void GetRates_ListsKeysButNotTotal()
    {
        var meter = new RateMeter(_time, windowSeconds: 1);
        meter.Record("orders", 3);
        meter.Record("payments", 1);

        _time.Advance(TimeSpan.FromSeconds(1));
        var rates = meter.GetRates();

        Assert.Equal(new Dictionary<string, double> { ["orders"] = 3, ["payments"] = 1 }, rates);
    }

    [Fact]
    public void Constructor_WindowBelowOneSecond_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateMeter(_time, windowSeconds: 0));
    }

    [Fact]
    public void Record_FromManyThreads_CountsEverything()
    {
        var meter = new RateMeter(_time, windowSeconds: 1);

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 1000; i++)
            {
                meter.Record("orders");
            }
        });
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(8000, meter.GetRate("orders"));
    }
}
