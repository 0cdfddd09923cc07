using EventObserver.Core.Groups;
using EventObserver.Core.Topology;

namespace EventObserver.Core.Tests.Topology;

public sealed class TopologyBuilderTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_CountsOverTheWindow_LinkProducersToTopicsWeightedByEventsPerSecond()
    {
        var traffic = Window(TimeSpan.FromMinutes(10), new("orders-svc", "orders", 1200), new("payments-svc", "payments", 60), new("orders-svc", "payments", 6));

        var map = new TopologyBuilder().Build(traffic, [], Groups());

        var toOrders = Edge(map, "producer:orders-svc", "topic:orders");
        Assert.Equal(TopologyEdgeKind.Produces, toOrders.Kind);
        Assert.Equal(2.0, toOrders.PerSecond);
        Assert.Equal(0.1, Edge(map, "producer:payments-svc", "topic:payments").PerSecond);
        Assert.Equal(1.0, toOrders.Weight);
        Assert.InRange(Edge(map, "producer:orders-svc", "topic:payments").Weight, 0.001, Edge(map, "producer:payments-svc", "topic:payments").Weight - 0.01);
        var producer = Node(map, "producer:orders-svc");
        Assert.Equal((1206L, 2.01), (producer.Count, producer.PerSecond!.Value));
        Assert.Equal(2.11, Math.Round(map.Nodes.Where(n => n.Kind == TopologyNodeKind.Topic).Sum(n => n.PerSecond!.Value), 2));
    }

    [Fact]
    public void Build_MessagesWithoutASource_CountOnTheTopicButDrawNoProducer()
    {
        var traffic = Window(TimeSpan.FromSeconds(100), new(null, "audit", 50), new("  ", "audit", 50));

        var map = new TopologyBuilder().Build(traffic, [], Groups());

        var audit = Assert.Single(map.Nodes);
        Assert.Equal((TopologyNodeKind.Topic, 100L, 1.0), (audit.Kind, audit.Count, audit.PerSecond!.Value));
        Assert.Empty(map.Edges);
    }

    [Fact]
    public void Build_TopicsWithoutTraffic_AreShownIdle()
    {
        var map = new TopologyBuilder().Build(Window(TimeSpan.FromMinutes(5)), ["quiet"], Groups());

        var quiet = Assert.Single(map.Nodes);
        Assert.Equal(("topic:quiet", 0L, 0.0), (quiet.Id, quiet.Count, quiet.PerSecond!.Value));
    }

    [Theory]
    [InlineData("orders.dlt", 0, true)]
    [InlineData("orders-dlq", 0, true)]
    [InlineData("payments.dead-letter", 0, true)]
    [InlineData("orders_DLT", 0, true)]
    [InlineData("orders.parked", 1, true)]
    [InlineData("orders", 0, false)]
    [InlineData("deadline-events", 0, false)]
    public void Build_Topic_IsDeadLetterWhenNamedSoOrCarryingDeadLetterCopies(string topic, long deadLetters, bool expected)
    {
        var map = new TopologyBuilder().Build(Window(TimeSpan.FromMinutes(1), new ProducerTopicCount("svc", topic, 5, deadLetters)), [], Groups());

        Assert.Equal(expected, Node(map, "topic:" + topic).DeadLetter);
    }

    [Fact]
    public void Build_Group_LinksFromEveryTopicItConsumesWithItsRateAndLag()
    {
        var group = Group("billing", null, Topic("orders", 12, TimeSpan.FromSeconds(3), 40.5), Topic("payments", 3, TimeSpan.FromSeconds(1), 1.5));

        var map = new TopologyBuilder().Build(Window(TimeSpan.FromMinutes(1), new ProducerTopicCount("svc", "orders", 60)), [], Groups(group));

        var fromOrders = Edge(map, "topic:orders", "group:billing");
        Assert.Equal((TopologyEdgeKind.Consumes, 40.5, 12L), (fromOrders.Kind, fromOrders.PerSecond!.Value, fromOrders.Lag!.Value));
        Assert.Equal(TimeSpan.FromSeconds(3), fromOrders.MaxTimeLag);
        // The topic the group reads is drawn although nothing was produced to it in the window.
        Assert.Equal(0, Node(map, "topic:payments").Count);
        var billing = Node(map, "group:billing");
        Assert.Equal((42.0, 15L, TimeSpan.FromSeconds(3)), (billing.PerSecond!.Value, billing.Lag!.Value, billing.MaxTimeLag!.Value));
        Assert.Equal(1.0, fromOrders.Weight);
    }

    [Theory]
    [InlineData(null, LagLevel.Unknown)]
    [InlineData(0.0, LagLevel.Ok)]
    [InlineData(9.9, LagLevel.Ok)]
    [InlineData(10.0, LagLevel.Lagging)]
    [InlineData(59.9, LagLevel.Lagging)]
    [InlineData(60.0, LagLevel.FarBehind)]
    [InlineData(3600.0, LagLevel.FarBehind)]
    public void Build_GroupTimeLag_GivesItsLagLevel(double? seconds, LagLevel expected)
    {
        TimeSpan? lag = seconds is { } s ? TimeSpan.FromSeconds(s) : null;
        var group = Group("g", null, Topic("orders", 1, lag, 1), Topic("payments", 0, lag, 1));

        var map = new TopologyBuilder().Build(Window(TimeSpan.FromMinutes(1)), [], Groups(group));

        Assert.Equal(expected, Node(map, "group:g").LagLevel);
    }

    [Fact]
    public void Build_GroupWithAnErrorAndNoTopics_IsShownWithItsErrorAndUnknownLag()
    {
        var map = new TopologyBuilder().Build(Window(TimeSpan.FromMinutes(1)), ["orders"], Groups(Group("broken", "offsets could not be read")));

        var broken = Node(map, "group:broken");
        Assert.Equal(("offsets could not be read", LagLevel.Unknown), (broken.Error, broken.LagLevel));
        Assert.Null(broken.PerSecond);
        Assert.Empty(map.Edges);
    }

    [Fact]
    public void Build_Layout_PutsProducersTopicsAndGroupsInThreeColumnsLeftToRight()
    {
        var traffic = Window(TimeSpan.FromMinutes(1), new("a", "t1", 10), new("b", "t2", 10), new("a", "t2", 1));
        // t3 has no producer: the layered layout alone would put it in the producers' column.
        var groups = Groups(Group("g1", null, Topic("t1", 0, TimeSpan.Zero, 1)), Group("g2", null, Topic("t3", 0, TimeSpan.Zero, 1)));

        var map = new TopologyBuilder().Build(traffic, ["t3"], groups);

        var x = map.Nodes.GroupBy(n => n.Kind).ToDictionary(g => g.Key, g => g.Select(n => n.Placement.X).Distinct().Single());
        Assert.True(x[TopologyNodeKind.Producer] < x[TopologyNodeKind.Topic] && x[TopologyNodeKind.Topic] < x[TopologyNodeKind.Group]);
        foreach (var column in map.Nodes.GroupBy(n => n.Kind))
        {
            var boxes = column.OrderBy(n => n.Placement.Y).ToList();
            for (var i = 1; i < boxes.Count; i++)
            {
                Assert.True(boxes[i].Placement.Y >= boxes[i - 1].Placement.Y + boxes[i - 1].Placement.Height, $"{boxes[i].Id} overlaps {boxes[i - 1].Id}");
            }
        }

        Assert.All(map.Nodes, n => Assert.InRange(n.Placement.X + n.Placement.Width, 0, map.Width));
        Assert.All(map.Nodes, n => Assert.InRange(n.Placement.Y + n.Placement.Height, 0, map.Height));
        Assert.All(map.Edges, e =>
        {
            var (from, to) = (Node(map, e.From).Placement, Node(map, e.To).Placement);
            Assert.Equal([new(from.X + from.Width, from.Y + from.Height / 2), new(to.X, to.Y + to.Height / 2)], e.Points);
        });
    }

    [Fact]
    public void Build_SameInput_GivesTheSameMap()
    {
        var traffic = Window(TimeSpan.FromMinutes(1), new("b", "t2", 10), new("a", "t1", 10), new("c", "t1", 3));
        var groups = Groups(Group("g", null, Topic("t2", 0, TimeSpan.Zero, 1), Topic("t1", 0, null, null)));

        var first = new TopologyBuilder().Build(traffic, ["t0"], groups);
        var second = new TopologyBuilder().Build(traffic with { Counts = [.. traffic.Counts.Reverse()] }, ["t0"], groups);

        Assert.Equal(first.Nodes.Select(n => (n.Id, n.Placement)), second.Nodes.Select(n => (n.Id, n.Placement)));
        Assert.Equal(first.Edges.Select(e => e.Id), second.Edges.Select(e => e.Id));
    }

    [Fact]
    public void Build_NothingAtAll_IsAnEmptyMapOverTheWindowSayingWhereGroupsCameFrom()
    {
        var snapshot = new ConsumerGroupsSnapshot(Now, TimeSpan.Zero, [], "admin client", "cluster unreachable");

        var map = new TopologyBuilder().Build(Window(TimeSpan.FromMinutes(15)), [], snapshot);

        Assert.Empty(map.Nodes);
        Assert.Equal((Now.AddMinutes(-15), Now, "admin client", "cluster unreachable"), (map.From, map.To, map.GroupsSource, map.GroupsError));
    }

    private static TopologyTraffic Window(TimeSpan length, params ProducerTopicCount[] counts) => new(counts, Now - length, Now, counts.Sum(c => c.Count));

    private static ConsumerGroupsSnapshot Groups(params ConsumerGroupStatus[] groups) => new(Now, TimeSpan.Zero, groups, "test");

    private static ConsumerGroupStatus Group(string id, string? error, params GroupTopicLag[] topics) => new(
        id, GroupState.Stable, "consumer", "range", [], MembersKnown: true, [], topics, topics.Sum(t => t.Lag),
        topics.Select(t => t.MaxTimeLag).Max(), error);

    private static GroupTopicLag Topic(string topic, long lag, TimeSpan? timeLag, double? perSecond) => new(topic, 1, lag, timeLag, perSecond);

    private static TopologyNode Node(TopologyMap map, string id) => map.Nodes.Single(n => n.Id == id);

    private static TopologyEdge Edge(TopologyMap map, string from, string to) => map.Edges.Single(e => e.From == from && e.To == to);
}
