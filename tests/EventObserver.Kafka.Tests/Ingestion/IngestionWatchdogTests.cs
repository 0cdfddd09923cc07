using EventObserver.Kafka.Ingestion;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Kafka.Tests.Ingestion;

public sealed class IngestionWatchdogTests
{
    private static readonly TimeSpan Sample = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly IngestionWatchdog _watchdog;

    public IngestionWatchdogTests() => _watchdog = new IngestionWatchdog(_time, TimeSpan.FromSeconds(30));

    [Fact]
    public void Evaluate_BacklogAndNothingIndexedForStallAfter_ReportsTheStall()
    {
        _watchdog.ObserveIndexed();
        _time.Advance(TimeSpan.FromMinutes(5));
        _watchdog.ObserveLag(100_500, 0);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(_watchdog.Evaluate(brokerConnected: true).Reasons);

        _time.Advance(TimeSpan.FromSeconds(1));
        var health = _watchdog.Evaluate(brokerConnected: true);

        Assert.Equal(["ingestion stalled: broker has 100,500 messages beyond the index and nothing was indexed for 30 s"], health.Reasons);
        Assert.Equal(100_500, health.BehindBy);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromSeconds(30), health.BehindSince);
    }

    [Fact]
    public void Evaluate_BacklogWhileIndexingGoesOn_IsNotAStall()
    {
        _watchdog.ObserveLag(500, 100);
        for (var i = 0; i < 20; i++)
        {
            _time.Advance(Sample);
            _watchdog.ObserveIndexed();
            _watchdog.ObserveLag(i % 2 == 0 ? 400 : 500, 100);
        }

        var health = _watchdog.Evaluate(brokerConnected: true);

        Assert.Empty(health.Reasons);
        Assert.False(health.IsBehind);
    }

    [Fact]
    public void Evaluate_BrokerUnreachable_LeavesTheStallToTheOutageReport()
    {
        _watchdog.ObserveLag(10, 0);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(_watchdog.Evaluate(brokerConnected: false).Reasons);
    }

    [Fact]
    public void Evaluate_LagGrowsAtEverySampleForStallAfter_ReportsGrowingLag()
    {
        _watchdog.ObserveLag(0, 0);
        for (var i = 1; i <= 15; i++)
        {
            _time.Advance(Sample);
            _watchdog.ObserveIndexed();
            _watchdog.ObserveLag(i * 20_000, 8000);
        }

        var health = _watchdog.Evaluate(brokerConnected: true);

        Assert.Equal(["lag growing for 30 s (now 300,000 messages)"], health.Reasons);
        Assert.Equal(300_000, health.BehindBy);
    }

    [Fact]
    public void Evaluate_LagFallsOnceWithinStallAfter_IsNotGrowing()
    {
        _watchdog.ObserveLag(0, 0);
        for (var i = 1; i <= 15; i++)
        {
            _time.Advance(Sample);
            _watchdog.ObserveIndexed();
            _watchdog.ObserveLag(i == 10 ? 1_000 : i * 20_000, 8000);
        }

        Assert.Empty(_watchdog.Evaluate(brokerConnected: true).Reasons);
    }

    [Fact]
    public void Evaluate_RetentionGapWithinStallAfter_ReportsTheLossUntilItIsOlder()
    {
        _watchdog.ObserveGap(1_200);
        _watchdog.ObserveGap(300);

        Assert.Equal(["1,500 messages deleted by the broker before they were indexed in the last 30 s (retention gaps)"],
            _watchdog.Evaluate(brokerConnected: true).Reasons);

        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Empty(_watchdog.Evaluate(brokerConnected: true).Reasons);
    }

    [Fact]
    public void Evaluate_BackloggedFiveSecondsOfIndexing_IsBehindUntilCaughtUp()
    {
        _watchdog.ObserveLag(4_000, 1_000);
        Assert.False(_watchdog.Evaluate(brokerConnected: true).IsBehind);

        _time.Advance(Sample);
        _watchdog.ObserveLag(6_000, 1_000);
        var since = _time.GetUtcNow();
        _time.Advance(Sample);
        _watchdog.ObserveLag(3_000, 1_000);
        var behind = _watchdog.Evaluate(brokerConnected: true);
        _time.Advance(Sample);
        _watchdog.ObserveLag(1_500, 1_000);

        Assert.Equal((3_000L, since), (behind.BehindBy!.Value, behind.BehindSince!.Value));
        Assert.False(_watchdog.Evaluate(brokerConnected: true).IsBehind);
    }
}
