using EventObserver.Access;
using EventObserver.Core.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Groups;
using EventObserver.Core.Selection;
using EventObserver.Core.Topology;
using EventObserver.Features.Topology;
using EventObserver.Kafka.Admin;
using EventObserver.Shared;
using EventObserver.Tests.Flows;
using EventObserver.Tests.Infrastructure;
using EventObserver.TestSupport.Access;

using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Tests.Topology;

/// <summary>The topology's reads over a real index: producer counts of the window, topics, groups, and what a restricted user sees.</summary>
public sealed class TopologyQueriesTests : IDisposable
{
    private readonly SeededAppFactory _factory = new();
    private readonly FakeGroupView _groups = new();

    [Fact]
    public async Task Read_WindowReachingBeforeTheFirstIndexedMessage_RatesOverTheSpanTheIndexCovers()
    {
        // The observer started 40 s ago; the window is an hour: 40 messages are about 1/s, not 40/3600.
        var traffic = new FlowTraffic(DateTimeOffset.UtcNow);
        for (var i = 0; i < 40; i++)
        {
            traffic.Add("tq.fresh", $"f-{i}", "OrderPlaced", MessageKind.Event, "fresh-svc", TimeSpan.FromSeconds(1 + i), null);
        }

        _factory.Seed(traffic.All);

        var map = (await Queries().ReadAsync(TimeWindow.OneHour, UserAccess.System, CancellationToken.None)).Value!;

        Assert.InRange(map.Edges.Single(e => e.To == "topic:tq.fresh").PerSecond!.Value, 40 / 50.0, 40 / 39.0);
    }

    [Fact]
    public async Task Read_TrafficOfTheWindow_CountsEachSourceOnEachTopicAsARate()
    {
        var traffic = new FlowTraffic(DateTimeOffset.UtcNow);
        for (var i = 0; i < 30; i++)
        {
            traffic.Add("tq.orders", $"o-{i}", "OrderPlaced", MessageKind.Event, "orders-svc", TimeSpan.FromSeconds(10 + i), null);
        }

        for (var i = 0; i < 6; i++)
        {
            traffic.Add("tq.payments", $"p-{i}", "PaymentCharged", MessageKind.Event, "payments-svc", TimeSpan.FromSeconds(10 + i), null);
        }

        traffic.Add("tq.orders.dlt", "d-1", "OrderPlaced", MessageKind.Event, "orders-svc", TimeSpan.FromSeconds(20), null);
        // Near the window's start (another producer and topic): the index covers the window from 290 s ago.
        traffic.Add("tq.audit", "a-1", "AuditWritten", MessageKind.Event, "audit-svc", TimeSpan.FromSeconds(290), null);
        // Outside the 5-minute window: not counted, but the topic is still shown.
        traffic.Add("tq.old", "old-1", "Old", MessageKind.Event, "old-svc", TimeSpan.FromMinutes(20), null);
        _factory.Seed(traffic.All);
        _factory.Cluster.Topics = [new ClusterTopic("tq.idle", 3, 1)];

        var map = (await Queries().ReadAsync(TimeWindow.FiveMinutes, UserAccess.System, CancellationToken.None)).Value!;

        Assert.Equal(38, map.EventsRead);
        Assert.False(map.Capped);
        var toOrders = map.Edges.Single(e => e.From == "producer:orders-svc" && e.To == "topic:tq.orders");
        Assert.InRange(toOrders.PerSecond!.Value, 30 / 310.0, 30 / 290.0);
        Assert.InRange(map.Edges.Single(e => e.To == "topic:tq.payments").PerSecond!.Value, 6 / 310.0, 6 / 290.0);
        Assert.True(map.Nodes.Single(n => n.Id == "topic:tq.orders.dlt").DeadLetter);
        Assert.Equal(
            ["producer:audit-svc", "producer:orders-svc", "producer:payments-svc", "topic:tq.audit", "topic:tq.idle", "topic:tq.old", "topic:tq.orders", "topic:tq.orders.dlt", "topic:tq.payments"],
            map.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Read_MoreMessagesThanTheCap_CountsTheNewestAndRatesOverWhatWasRead()
    {
        var traffic = new FlowTraffic(DateTimeOffset.UtcNow);
        for (var i = 0; i < 300; i++)
        {
            traffic.Add("tq.busy", $"b-{i}", "Tick", MessageKind.Event, i < 150 ? "old-svc" : "new-svc", TimeSpan.FromSeconds(300 - i), null);
        }

        _factory.Seed(traffic.All);

        var map = (await Queries(maxEvents: 100).ReadAsync(TimeWindow.OneHour, UserAccess.System, CancellationToken.None)).Value!;

        Assert.True(map.Capped);
        Assert.InRange(map.EventsRead, 90, 100);
        var edge = Assert.Single(map.Edges);
        Assert.Equal("producer:new-svc", edge.From);
        // About one a second over the part read, not 100 over the hour.
        Assert.InRange(edge.PerSecond!.Value, 0.8, 1.2);
    }

    [Fact]
    public async Task Read_Groups_LinkFromTheTopicsTheyConsumeWithTheirLagLevel()
    {
        _factory.Seed(new FlowTraffic(DateTimeOffset.UtcNow).Add("tq.orders", "o-1", "OrderPlaced", MessageKind.Event, "orders-svc", TimeSpan.FromSeconds(5), null));
        _groups.Current = Snapshot(FakeGroupView.Group("billing", ("tq.orders", 4, 2, 12.5)), FakeGroupView.Group("analytics", ("tq.orders", 900, 95, 1)));

        var map = (await Queries().ReadAsync(TimeWindow.FiveMinutes, UserAccess.System, CancellationToken.None)).Value!;

        Assert.Equal(LagLevel.Ok, map.Nodes.Single(n => n.Id == "group:billing").LagLevel);
        Assert.Equal(LagLevel.FarBehind, map.Nodes.Single(n => n.Id == "group:analytics").LagLevel);
        Assert.Equal(12.5, map.Edges.Single(e => e.To == "group:billing").PerSecond);
    }

    [Fact]
    public async Task Read_RestrictedUser_LeavesOutHiddenTopicsTheirProducersLinksAndGroupsReadingOnlyThem()
    {
        var traffic = new FlowTraffic(DateTimeOffset.UtcNow);
        traffic.Add("shop.orders", "o-1", "OrderPlaced", MessageKind.Event, "orders-svc", TimeSpan.FromSeconds(5), null);
        traffic.Add("hr.salaries", "s-1", "SalaryRaised", MessageKind.Event, "hr-svc", TimeSpan.FromSeconds(5), null);
        traffic.Add("hr.salaries", "s-2", "SalaryRaised", MessageKind.Event, "orders-svc", TimeSpan.FromSeconds(4), null);
        _factory.Seed(traffic.All);
        _factory.Cluster.Topics = [new ClusterTopic("shop.orders", 1, 1), new ClusterTopic("hr.salaries", 1, 1), new ClusterTopic("hr.bonuses", 1, 1)];
        _groups.Current = Snapshot(
            FakeGroupView.Group("payroll", ("hr.salaries", 7, 80, 1)),
            FakeGroupView.Group("mixed", ("shop.orders", 1, 1, 2), ("hr.salaries", 500, 300, 1)));
        var restricted = new UserAccess("vera", isAuthenticated: true, [AccessRoles.Viewer], new DeniedTopics("hr.salaries", "hr.bonuses"), seesRawValues: false);

        var map = (await Queries().ReadAsync(TimeWindow.FiveMinutes, restricted, CancellationToken.None)).Value!;

        Assert.Equal(["group:mixed", "producer:orders-svc", "topic:shop.orders"], map.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["consumes:shop.orders>mixed", "produces:orders-svc>shop.orders"], map.Edges.Select(e => e.Id).Order(StringComparer.Ordinal));
        var mixed = map.Nodes.Single(n => n.Id == "group:mixed");
        // Its lag over what the user may read only: the hidden topic's 300 s would make it far behind.
        Assert.Equal((1L, LagLevel.Ok), (mixed.Lag!.Value, mixed.LagLevel));
        Assert.Equal(1, map.EventsRead);
    }

    [Fact]
    public async Task Read_NoIndexYet_IsTheClusterTopicsAndGroupsOverAnEmptyWindow()
    {
        _factory.Cluster.Topics = [new ClusterTopic("tq.fresh", 1, 1)];
        _groups.Current = Snapshot(FakeGroupView.Group("early", ("tq.fresh", 0, 0, 0)));

        var read = await Queries().ReadAsync(TimeWindow.FifteenMinutes, UserAccess.System, CancellationToken.None);

        Assert.True(read.Succeeded);
        Assert.Equal(["group:early", "topic:tq.fresh"], read.Value!.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(TimeSpan.FromMinutes(15), read.Value.To - read.Value.From);
    }

    public void Dispose() => _factory.Dispose();

    private static ConsumerGroupsSnapshot Snapshot(params ConsumerGroupStatus[] groups) => new(DateTimeOffset.UtcNow, TimeSpan.Zero, groups, "fake");

    private TopologyQueries Queries(int maxEvents = 200_000) =>
        new(_factory.Services.GetRequiredService<IndexReads>(), _factory.Cluster, _groups, TimeProvider.System, maxEvents);
}
