using System.Diagnostics;

using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Groups;
using EventObserver.TestSupport;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Kafka.Tests.Groups;

public sealed class ConsumerGroupMonitorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TopicPartitionKey Orders0 = new("orders", 0);
    private static readonly TopicPartitionKey Orders1 = new("orders", 1);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly FakeGroupAdmin _admin = new();
    private readonly FakeGroupIndex _index = new();
    private readonly MemoryLagHistoryStore _store = new();
    private readonly GroupsOptions _options = new() { RefreshInterval = TimeSpan.FromSeconds(10), HistoryRetention = TimeSpan.FromHours(1) };

    public ConsumerGroupMonitorTests()
    {
        _admin.Committed["billing"] = new() { [Orders0] = 40, [Orders1] = 10 };
        _admin.Committed["shipping"] = new() { [Orders0] = 50 };
        _admin.LogEnds[Orders0] = 50;
        _admin.LogEnds[Orders1] = 30;
        _index.Add("orders", 0, 40, Start.AddSeconds(-120));
        _index.Add("orders", 1, 10, Start.AddSeconds(-30));
        _index.Add("orders", 1, 29, Start.AddSeconds(-1));
        _index.Add("orders", 0, 49, Start.AddSeconds(-1));
    }

    [Fact]
    public async Task RefreshNow_TwoGroups_LagInMessagesAndTimeFromAdminAndIndex()
    {
        using var monitor = Monitor();

        var snapshot = await monitor.RefreshNowAsync(CancellationToken.None);

        Assert.Null(snapshot.Error);
        Assert.Equal("fake admin client", snapshot.Source);
        Assert.Equal(Start, snapshot.TakenAt);
        var billing = snapshot.Groups.Single(g => g.GroupId == "billing");
        Assert.Equal(30, billing.TotalLag);
        Assert.Equal(TimeSpan.FromSeconds(120), billing.MaxTimeLag);
        Assert.Equal("billing-client", Assert.Single(billing.Members).ClientId);
        var shipping = snapshot.Groups.Single(g => g.GroupId == "shipping");
        Assert.Equal(0, shipping.TotalLag);
        Assert.Equal(TimeLagStatus.CaughtUp, shipping.Partitions.Single().TimeLag.Status);
        Assert.Same(snapshot, monitor.Current);
    }

    [Fact]
    public async Task RefreshNow_EveryPartitionInvolved_AsksForWatermarksOnce()
    {
        using var monitor = Monitor();

        await monitor.RefreshNowAsync(CancellationToken.None);

        Assert.Equal([2], _admin.WatermarkRequestSizes);
    }

    [Fact]
    public async Task ExecuteAsync_EachRefreshInterval_RefreshesAgainAndRaisesRefreshed()
    {
        using var monitor = Monitor();
        var raised = 0;
        monitor.Refreshed += _ => Interlocked.Increment(ref raised);

        await monitor.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Volatile.Read(ref raised) == 1, "the first refresh at start");
        var afterStart = _admin.ListCalls;
        _time.Advance(_options.RefreshInterval);
        await Eventually.TrueAsync(() => Volatile.Read(ref raised) == 2, "a refresh one interval later");
        await monitor.StopAsync(CancellationToken.None);

        Assert.Equal(1, afterStart);
        Assert.Equal(2, _admin.ListCalls);
        Assert.Equal(Start + _options.RefreshInterval, monitor.Current.TakenAt);
    }

    [Fact]
    public async Task RefreshNow_OffsetsMovedSinceThePreviousRefresh_ConsumeRatePerSecond()
    {
        using var monitor = Monitor();
        await monitor.RefreshNowAsync(CancellationToken.None);

        _admin.Committed["billing"][Orders1] = 30;
        _time.Advance(TimeSpan.FromSeconds(10));
        var snapshot = await monitor.RefreshNowAsync(CancellationToken.None);

        var partition = snapshot.Groups.Single(g => g.GroupId == "billing").Partitions.Single(p => p.Partition == 1);
        Assert.Equal(2.0, partition.ConsumedPerSecond);
        Assert.Equal(TimeLagStatus.CaughtUp, partition.TimeLag.Status);
    }

    [Fact]
    public async Task RefreshNow_OneGroupsDescriptionFails_ItShowsItsErrorAndItsLagAndTheOthersAreComplete()
    {
        _admin.FailingDescriptions.Add("billing");
        using var monitor = Monitor();

        var snapshot = await monitor.RefreshNowAsync(CancellationToken.None);

        Assert.Null(snapshot.Error);
        var billing = snapshot.Groups.Single(g => g.GroupId == "billing");
        Assert.Contains("coordinator load in progress", billing.Error, StringComparison.Ordinal);
        Assert.False(billing.MembersKnown);
        Assert.Equal(30, billing.TotalLag);
        var shipping = snapshot.Groups.Single(g => g.GroupId == "shipping");
        Assert.Null(shipping.Error);
        Assert.Single(shipping.Members);
    }

    [Fact]
    public async Task RefreshNow_WholeRefreshFails_KeepsThePreviousGroupsWithTheSnapshotsErrorAndLogsOncePerStreak()
    {
        var logger = new CountingLogger<ConsumerGroupMonitor>();
        using var monitor = Monitor(logger: logger);
        var good = await monitor.RefreshNowAsync(CancellationToken.None);

        _admin.ListFailure = "list groups timed out after 5 s";
        _time.Advance(TimeSpan.FromSeconds(10));
        var failed = await monitor.RefreshNowAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        await monitor.RefreshNowAsync(CancellationToken.None);
        _admin.ListFailure = null;
        _time.Advance(TimeSpan.FromSeconds(10));
        var recovered = await monitor.RefreshNowAsync(CancellationToken.None);

        Assert.Equal("list groups timed out after 5 s", failed.Error);
        Assert.Equal(good.Groups, failed.Groups);
        Assert.Equal(Start.AddSeconds(10), failed.TakenAt);
        Assert.Null(recovered.Error);
        Assert.Single(logger.Lines, l => l.Level == LogLevel.Warning);
        Assert.Single(logger.Lines, l => l.Level == LogLevel.Information && l.Message.Contains("after 2 failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefreshNow_EachRefresh_StoresOneSamplePerGroupAndTrimsPastTheRetention()
    {
        using var monitor = Monitor();

        for (var i = 0; i < 5; i++)
        {
            await monitor.RefreshNowAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(20));
        }

        // Refreshes at 0, 20, 40, 60, 80 minutes; at 80 everything before 20 is trimmed.
        Assert.Equal(8, _store.Count);
        Assert.Equal(Start.AddMinutes(20), _store.Trims[^1]);
        var history = monitor.History("billing", TimeSpan.FromHours(1));
        Assert.Equal([Start.AddMinutes(40), Start.AddMinutes(60), Start.AddMinutes(80)], history.Select(s => s.At));
        Assert.All(history, s => Assert.Equal(30, s.TotalLag));
        Assert.Equal(120 + 40 * 60, history[0].MaxTimeLagSeconds);
    }

    [Fact]
    public async Task History_ReadBeforeAndAfterRefreshes_IncludesSamplesStoredBeforeStartAndNewOnes()
    {
        _store.Append(Start.AddMinutes(-5), [("billing", new LagSample(Start.AddMinutes(-5), 7, 1.5))]);
        using var monitor = Monitor();
        var before = monitor.History("billing", TimeSpan.FromHours(1));

        await monitor.RefreshNowAsync(CancellationToken.None);
        var after = monitor.History("billing", TimeSpan.FromHours(1));

        Assert.Equal([7L], before.Select(s => s.TotalLag));
        Assert.Equal([7L, 30L], after.Select(s => s.TotalLag));
    }

    [Fact]
    public async Task Monitor_WithoutAnAdmin_AnswersLikeGroupsTurnedOff()
    {
        using var monitor = new ConsumerGroupMonitor(_options, _time, _store, _index, NullLogger<ConsumerGroupMonitor>.Instance, admin: null);

        await monitor.StartAsync(CancellationToken.None);
        var snapshot = await monitor.RefreshNowAsync(CancellationToken.None);
        await monitor.StopAsync(CancellationToken.None);

        Assert.Empty(snapshot.Groups);
        Assert.Contains("turned off", snapshot.Source, StringComparison.Ordinal);
        Assert.Empty(monitor.History("billing", TimeSpan.FromHours(1)));
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task RefreshNow_500GroupsOn1000Partitions_CompletesWithinTheRefreshInterval()
    {
        var admin = new FakeGroupAdmin();
        var partitions = Enumerable.Range(0, 1000).Select(i => new TopicPartitionKey($"topic-{i / 50}", i % 50)).ToArray();
        foreach (var key in partitions)
        {
            admin.LogEnds[key] = 10_000;
            _index.Checkpoints[key] = 10_000;
        }

        for (var g = 0; g < 500; g++)
        {
            admin.Committed[$"group-{g}"] = partitions.ToDictionary(p => p, p => (long)(9_000 + (g * 7 + p.Partition) % 900));
        }

        _index.TimestampOf = (_, _, offset) => Start.AddSeconds(offset - 10_000).ToUnixTimeMilliseconds();
        using var monitor = new ConsumerGroupMonitor(_options, _time, _store, _index, NullLogger<ConsumerGroupMonitor>.Instance, admin);

        await monitor.RefreshNowAsync(CancellationToken.None);
        foreach (var offsets in admin.Committed.Values)
        {
            foreach (var key in partitions)
            {
                offsets[key] += 50;
            }
        }

        _time.Advance(_options.RefreshInterval);
        var watch = Stopwatch.StartNew();
        var snapshot = await monitor.RefreshNowAsync(CancellationToken.None);
        watch.Stop();

        Assert.Equal(500, snapshot.Groups.Count);
        Assert.All(snapshot.Groups, g => Assert.Equal(1000, g.Partitions.Count));
        Assert.All(snapshot.Groups, g => Assert.Equal(TimeLagStatus.Exact, g.Partitions[0].TimeLag.Status));
        Assert.Equal([1000, 1000], admin.WatermarkRequestSizes);
        Assert.True(watch.Elapsed < _options.RefreshInterval, $"a refresh of 500 x 1,000 took {watch.Elapsed}");
    }

    private ConsumerGroupMonitor Monitor(ILogger<ConsumerGroupMonitor>? logger = null) =>
        new(_options, _time, _store, _index, logger ?? NullLogger<ConsumerGroupMonitor>.Instance, _admin);
}
