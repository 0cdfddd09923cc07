using Confluent.Kafka;
using EventObserver.Core.Groups;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Demo;
using EventObserver.Kafka.Embedded;
using EventObserver.Kafka.Groups;
using EventObserver.Kafka.Tests.Groups;
using EventObserver.Kafka.Tests.Support;
using EventObserver.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Kafka.Tests.Demo;

/// <summary>The demo's consumer groups against the mock cluster, with the demo generator producing steady traffic.</summary>
public sealed class DemoConsumerGroupsTests : IAsyncLifetime
{
    private const int Partitions = 2;
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(30);

    private readonly MockKafkaCluster _cluster = new(brokers: 1);
    private readonly LocalGroupMembers _members = new();
    private DemoTrafficGenerator? _traffic;
    private DemoConsumerGroups? _groups;
    private GroupOffsets? _offsets;

    public async Task InitializeAsync()
    {
        foreach (var topic in DemoTopics.All)
        {
            _cluster.CreateTopic(topic, Partitions);
        }

        _offsets = new GroupOffsets(_cluster.BootstrapServers);
        _traffic = new DemoTrafficGenerator(
            Connection(), Options.Create(new DemoOptions { Enabled = true, OrdersPerSecond = 5, PaymentFailureRate = 0 }),
            TimeProvider.System, NullLogger<DemoTrafficGenerator>.Instance);
        await _traffic.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Hosted_WithDemoTraffic_EveryGroupJoinsCommitsAndShowsItsMember()
    {
        var groups = Groups(enabled: true, analyticsDelay: TimeSpan.FromSeconds(3));

        await groups.StartAsync(CancellationToken.None);

        Assert.True(groups.IsEnabled);
        foreach (var group in DemoGroups.All.Where(g => g.RetireAfter is null))
        {
            await Eventually.TrueAsync(
                () => _members.TryGetMembers(group.GroupId, out var members) && members.Count == 1 && members[0].Assignment.Count == group.Topics.Count * Partitions,
                $"{group.GroupId} to show one member owning all its partitions", Slow);
            await Eventually.TrueAsync(() => groups.Groups.Single(g => g.GroupId == group.GroupId).Commits > 0, $"{group.GroupId} to commit", Slow);
        }

        _members.TryGetMembers(DemoGroups.OrderService, out var orderMembers);
        var member = Assert.Single(orderMembers);
        Assert.Equal(DemoGroups.OrderService, member.ClientId);
        Assert.Contains(member.Assignment, p => p.Topic == DemoTopics.PaymentEvents);
        Assert.All(groups.Groups.Where(g => g.GroupId != DemoGroups.LegacyReporting), g => Assert.Equal(DemoGroupState.Running, g.State));
        foreach (var group in DemoGroups.All.Where(g => !g.IsSlow && g.RetireAfter is null))
        {
            await AssertCatchesUpAsync(group);
        }
    }

    [Fact]
    public async Task Analytics_CommitsOnlyEventsOlderThanItsDelay_AndLagsBehindTheLog()
    {
        var delay = TimeSpan.FromSeconds(4);
        var groups = Groups(enabled: false, analyticsDelay: delay);
        var analytics = DemoGroups.Find(DemoGroups.Analytics)!;
        var partitions = GroupOffsets.Partitions(analytics.Topics, Partitions);

        Assert.True(groups.Start(DemoGroups.Analytics));
        var committed = await Eventually.MatchAsync(
            () => _offsets!.Committed(DemoGroups.Analytics, partitions), c => c.Values.Count(o => o > 0) >= 4, "analytics to commit on several partitions", Slow);
        var now = DateTimeOffset.UtcNow;
        var logEnds = _offsets!.LogEnds(partitions);

        foreach (var (partition, offset) in committed.Where(c => c.Value > 0))
        {
            var lastProcessed = _offsets.TimestampAt(partition, offset - 1);
            Assert.True(now - lastProcessed >= delay, $"{partition}@{offset - 1} is only {(now - lastProcessed).TotalSeconds:0.0} s old");
            Assert.True(offset <= logEnds[partition]);
        }

        // Several seconds of events are still uncommitted: lag in messages as well as in time.
        Assert.True(GroupOffsets.Sum(logEnds) - GroupOffsets.Sum(committed) >= 10, $"lag {GroupOffsets.Sum(logEnds) - GroupOffsets.Sum(committed)}");
    }

    [Fact]
    public async Task Pause_KeepsTheMemberAndItsCommittedOffsets_ResumeCatchesUp()
    {
        var groups = Groups(enabled: false, analyticsDelay: TimeSpan.Zero);
        var payments = DemoGroups.Find(DemoGroups.PaymentService)!;
        var partitions = GroupOffsets.Partitions(payments.Topics, Partitions);
        Assert.True(groups.Start(payments.GroupId));
        await Eventually.TrueAsync(() => GroupOffsets.Sum(_offsets!.Committed(payments.GroupId, partitions)) > 0, "payment-service to commit", Slow);

        Assert.True(groups.Pause(payments.GroupId));
        // A commit may have been under way when the pause came; after that one, nothing moves.
        var settled = await CommittedAfterLogGrowsAsync(payments.GroupId, partitions, by: 15);
        var later = await CommittedAfterLogGrowsAsync(payments.GroupId, partitions, by: 15);

        Assert.Equal(settled, later);
        Assert.Equal(DemoGroupState.Paused, groups.Groups.Single(g => g.GroupId == payments.GroupId).State);
        Assert.True(_members.TryGetMembers(payments.GroupId, out var members) && members.Count == 1);

        Assert.True(groups.Resume(payments.GroupId));
        await AssertCatchesUpAsync(payments);
    }

    [Fact]
    public async Task Stop_RemovesTheMember_AndANewConsumerStartsFromTheCommittedOffsets()
    {
        var groups = Groups(enabled: false, analyticsDelay: TimeSpan.Zero);
        var shipping = DemoGroups.Find(DemoGroups.ShippingService)!;
        var partitions = GroupOffsets.Partitions(shipping.Topics, Partitions);
        Assert.True(groups.Start(shipping.GroupId));
        await Eventually.TrueAsync(() => _members.TryGetMembers(shipping.GroupId, out var m) && m.Count == 1, "shipping-service to join", Slow);
        await Eventually.TrueAsync(() => _offsets!.Committed(shipping.GroupId, partitions).Values.All(o => o > 0), "shipping-service to commit on every partition", Slow);

        Assert.True(await groups.StopAsync(shipping.GroupId));

        Assert.True(_members.TryGetMembers(shipping.GroupId, out var afterStop));
        Assert.Empty(afterStop);
        Assert.Equal(DemoGroupState.Stopped, groups.Groups.Single(g => g.GroupId == shipping.GroupId).State);
        var committed = _offsets!.Committed(shipping.GroupId, partitions);
        var firstSeen = ReadFirstOffsets(shipping.GroupId, shipping.Topics, partitions.Count);
        Assert.Equal(committed, firstSeen);

        Assert.True(groups.Start(shipping.GroupId));
        await Eventually.TrueAsync(() => _members.TryGetMembers(shipping.GroupId, out var m) && m.Count == 1, "shipping-service to rejoin", Slow);
    }

    public async Task DisposeAsync()
    {
        if (_groups is not null)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _groups.StopAsync(deadline.Token);
            _groups.Dispose();
        }

        if (_traffic is not null)
        {
            await _traffic.StopAsync(CancellationToken.None);
            _traffic.Dispose();
        }

        _offsets?.Dispose();
        _cluster.Dispose();
    }

    private KafkaConnection Connection() =>
        KafkaConnection.ForCluster(new KafkaOptions { BootstrapServers = _cluster.BootstrapServers }, _cluster.BootstrapServers);

    [Fact]
    public async Task LegacyReporting_AfterItsRunTime_IsSwitchedOffWithNoMembers()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var groups = Groups(enabled: true, analyticsDelay: TimeSpan.FromSeconds(3), time);
        await groups.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(
            () => _members.TryGetMembers(DemoGroups.LegacyReporting, out var members) && members.Count == 1,
            "legacy-reporting to join", Slow);

        time.Advance(DemoGroups.LegacyReportingRunsFor + TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(
            () => groups.Groups.Single(g => g.GroupId == DemoGroups.LegacyReporting).State == DemoGroupState.Stopped,
            "legacy-reporting to be switched off", Slow);
        Assert.True(_members.TryGetMembers(DemoGroups.LegacyReporting, out var left));
        Assert.Empty(left);
        Assert.Equal(DemoGroupState.Running, groups.Groups.Single(g => g.GroupId == DemoGroups.OrderService).State);
    }

    [Fact]
    public async Task DemoGroups_ThroughKnownGroupsAdminAndMonitor_ShowExactCommittedOffsetsAndLag()
    {
        var groups = Groups(enabled: true, analyticsDelay: TimeSpan.FromSeconds(3));
        await groups.StartAsync(CancellationToken.None);
        var running = DemoGroups.All.Where(g => g.RetireAfter is null).ToArray();
        foreach (var group in running)
        {
            await Eventually.TrueAsync(() => groups.Groups.Single(g => g.GroupId == group.GroupId).Commits > 0, $"{group.GroupId} to commit", Slow);
        }

        // Freeze the picture: no new messages, no new commits (members stay), so both sides can be compared exactly.
        await _traffic!.StopAsync(CancellationToken.None);
        Assert.All(running, g => Assert.True(groups.Pause(g.GroupId)));
        using var client = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = _cluster.BootstrapServers }).SetLogHandler((_, _) => { }).Build();
        var admin = new KnownGroupsAdmin(client, new GroupsOptions(), _members, ownGroupId: "eventobserver");
        using var monitor = new ConsumerGroupMonitor(
            new GroupsOptions(), TimeProvider.System, new MemoryLagHistoryStore(), new FakeGroupIndex(), NullLogger<ConsumerGroupMonitor>.Instance, admin);

        var mismatch = "not compared yet";
        var deadline = DateTime.UtcNow + Slow;
        while (mismatch is not null && DateTime.UtcNow < deadline)
        {
            // A commit already in flight when the group paused can land after the first refresh: compare again then.
            mismatch = Compare(await monitor.RefreshNowAsync(CancellationToken.None), running);
            if (mismatch is not null)
            {
                await Task.Delay(200);
            }
        }

        Assert.Null(mismatch);
        var analytics = (await monitor.RefreshNowAsync(CancellationToken.None)).Groups.Single(g => g.GroupId == DemoGroups.Analytics);
        Assert.True(analytics.TotalLag > 0, "analytics lags");
    }

    /// <summary>Null when every demo group's committed offset, log end and lag in the snapshot equal what Kafka says.</summary>
    private string? Compare(ConsumerGroupsSnapshot snapshot, IReadOnlyList<DemoServiceGroup> groups)
    {
        foreach (var group in groups)
        {
            var status = snapshot.Groups.SingleOrDefault(g => g.GroupId == group.GroupId);
            if (status is null || status.Error is not null || !status.MembersKnown || status.Members.Count != 1)
            {
                return $"{group.GroupId}: {status?.Error ?? "missing or without its member"}";
            }

            var partitions = GroupOffsets.Partitions(group.Topics, Partitions);
            var committed = _offsets!.Committed(group.GroupId, partitions);
            var ends = _offsets.LogEnds(partitions);
            foreach (var (partition, offset) in committed.Where(c => c.Value >= 0))
            {
                var row = status.Partitions.SingleOrDefault(p => p.Topic == partition.Topic && p.Partition == partition.Partition.Value);
                if (row is null || row.CommittedOffset != offset || row.LogEndOffset != ends[partition] || row.Lag != ends[partition] - offset)
                {
                    return $"{group.GroupId} {partition}: shown {row?.CommittedOffset}/{row?.LogEndOffset}/{row?.Lag}, Kafka {offset}/{ends[partition]}";
                }
            }
        }

        return null;
    }

    private DemoConsumerGroups Groups(bool enabled, TimeSpan analyticsDelay, TimeProvider? time = null)
    {
        var options = new DemoOptions { Enabled = true, ConsumerGroups = enabled, AnalyticsDelay = analyticsDelay };
        _groups = new DemoConsumerGroups(Connection(), Options.Create(options), _members, time ?? TimeProvider.System, NullLogger<DemoConsumerGroups>.Instance);
        return _groups;
    }

    /// <summary>Waits until the group's committed offsets reach the log end seen now, on every partition.</summary>
    private async Task AssertCatchesUpAsync(DemoServiceGroup group)
    {
        var partitions = GroupOffsets.Partitions(group.Topics, Partitions);
        var target = _offsets!.LogEnds(partitions);
        await Eventually.TrueAsync(
            () => _offsets.Committed(group.GroupId, partitions).All(c => c.Value >= target[c.Key] && c.Value <= _offsets.LogEnds([c.Key])[c.Key]),
            $"{group.GroupId} to commit up to the log end", Slow);
    }

    private async Task<Dictionary<TopicPartition, long>> CommittedAfterLogGrowsAsync(string groupId, IReadOnlyList<TopicPartition> partitions, int by)
    {
        var start = GroupOffsets.Sum(_offsets!.LogEnds(partitions));
        await Eventually.TrueAsync(() => GroupOffsets.Sum(_offsets.LogEnds(partitions)) >= start + by, $"{by} more messages on {groupId}'s topics", Slow);
        return _offsets.Committed(groupId, partitions);
    }

    /// <summary>Joins the group with a fresh consumer and returns the offset of the first message it gets on each partition.</summary>
    private Dictionary<TopicPartition, long> ReadFirstOffsets(string groupId, IReadOnlyList<string> topics, int partitions)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = _cluster.BootstrapServers,
            GroupId = groupId,
            EnableAutoCommit = false,
            SessionTimeoutMs = 6000,
            HeartbeatIntervalMs = 1000,
        }).SetLogHandler((_, _) => { }).Build();
        consumer.Subscribe(topics);
        var first = new Dictionary<TopicPartition, long>();
        var deadline = DateTime.UtcNow + Slow;
        while (first.Count < partitions && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
            {
                first.TryAdd(result.TopicPartition, result.Offset.Value);
            }
        }

        consumer.Close();
        return first;
    }
}
