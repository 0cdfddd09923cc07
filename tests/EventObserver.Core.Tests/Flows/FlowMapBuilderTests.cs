using EventObserver.Core.Envelopes;
using EventObserver.Core.Flows;

namespace EventObserver.Core.Tests.Flows;

public sealed class FlowMapBuilderTests
{
    private static readonly DateTimeOffset From = DateTimeOffset.FromUnixTimeMilliseconds(0);
    private static readonly DateTimeOffset To = DateTimeOffset.FromUnixTimeMilliseconds(1_000_000);

    [Fact]
    public void Build_CommandEventCommandAcrossServices_PutsAPolicyOfTheReactingServiceBetween()
    {
        var m = new FlowMessages();
        m.Command("c1", "PlaceOrder", "storefront", 0, "o1");
        m.Event("e1", "OrderPlaced", "orders", 10, "o1", "c1");
        m.Command("c2", "ChargePayment", "payments", 30, "o1", "e1");
        m.Event("e2", "PaymentCharged", "payments", 100, "o1", "c2");

        var map = Build(m);

        var policy = Assert.Single(map.Nodes, n => n.Kind == FlowNodeKind.Policy);
        Assert.Equal("payments policy: whenever OrderPlaced then ChargePayment", policy.Label);
        Assert.Equal(Node(map, "ChargePayment").Lane, policy.Lane);
        Assert.Equal(("OrderPlaced", "ChargePayment"), (policy.Trigger, policy.Issues));
        Assert.Equal(
            ["PlaceOrder→OrderPlaced Flow", "OrderPlaced→" + policy.Label + " IntoPolicy", policy.Label + "→ChargePayment FromPolicy", "ChargePayment→PaymentCharged Flow"],
            map.Edges.Select(e => $"{Label(map, e.From)}→{Label(map, e.To)} {e.Kind}"));
        Assert.All(map.Edges, e => Assert.Equal(1, e.Count));
        Assert.Equal(FlowNodeKind.Command, Node(map, "PlaceOrder").Kind);
        Assert.Equal(FlowNodeKind.Event, Node(map, "OrderPlaced").Kind);
        Assert.Equal(["source:orders", "source:payments", "source:storefront"], map.Lanes.Select(l => l.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_EventCausesCommandOfTheSameService_PutsThatServicesPolicyBetweenThem()
    {
        var m = new FlowMessages();
        m.Event("e1", "OrderPlaced", "orders", 0, "o1");
        m.Command("c1", "ReserveStock", "orders", 5, "o1", "e1");

        var map = Build(m);

        var policy = Assert.Single(map.Nodes, n => n.Kind == FlowNodeKind.Policy);
        Assert.Equal("orders policy: whenever OrderPlaced then ReserveStock", policy.Label);
        Assert.Equal(
            ["OrderPlaced→" + policy.Label + " IntoPolicy", policy.Label + "→ReserveStock FromPolicy"],
            map.Edges.Select(e => $"{Label(map, e.From)}→{Label(map, e.To)} {e.Kind}"));
    }

    [Fact]
    public void Build_CommandCausesEvent_LinksThemDirectly()
    {
        var m = new FlowMessages();
        m.Command("c1", "ReserveStock", "inventory", 0, "o1");
        m.Event("e1", "StockReserved", "inventory", 5, "o1", "c1");

        var map = Build(m);

        Assert.DoesNotContain(map.Nodes, n => n.Kind == FlowNodeKind.Policy);
        var edge = Assert.Single(map.Edges);
        Assert.Equal((FlowEdgeKind.Flow, "ReserveStock", "StockReserved"), (edge.Kind, Label(map, edge.From), Label(map, edge.To)));
    }

    [Fact]
    public void Build_ManyConversations_CountsEachLinkAndGivesNearestRankPercentiles()
    {
        var m = new FlowMessages();
        for (var i = 1; i <= 20; i++)
        {
            var at = i * 1000;
            m.Command($"c{i}", "PlaceOrder", "storefront", at, $"o{i}");
            m.Event($"e{i}", "OrderPlaced", "orders", at + i * 10, $"o{i}", $"c{i}");
        }

        var edge = Assert.Single(Build(m).Edges);

        Assert.Equal(20, edge.Count);
        Assert.Equal(0, edge.Inferred);
        Assert.Equal(100, edge.P50Ms);
        Assert.Equal(190, edge.P95Ms);
    }

    [Fact]
    public void Build_Examples_KeepsTheFiveNewestConversationsNewestFirst()
    {
        var m = new FlowMessages();
        for (var i = 1; i <= 8; i++)
        {
            m.Command($"c{i}", "PlaceOrder", "storefront", i * 100, $"o{i}");
            m.Event($"e{i}", "OrderPlaced", "orders", i * 100 + 7, $"o{i}", $"c{i}");
        }

        var edge = Assert.Single(Build(m).Edges);

        Assert.Equal(["o8", "o7", "o6", "o5", "o4"], edge.Examples.Select(x => x.CorrelationId));
        Assert.All(edge.Examples, x => Assert.Equal(7, x.LatencyMs));
        Assert.Equal("orders.events/0/7", edge.Examples[0].EventId);
    }

    [Fact]
    public void Build_EventsWithoutReaction_AreMarkedUnreacted()
    {
        var m = new FlowMessages();
        m.Command("c1", "PlaceOrder", "storefront", 0, "o1");
        m.Event("e1", "OrderPlaced", "orders", 10, "o1", "c1");
        m.Event("e2", "OrderCompleted", "orders", 20, "o1", "e1");
        m.Command("c9", "SendNewsletter", "marketing", 30, "n1");

        var map = Build(m);

        Assert.False(Node(map, "OrderPlaced").Unreacted);
        Assert.True(Node(map, "OrderCompleted").Unreacted);
        Assert.False(Node(map, "PlaceOrder").Unreacted);
        Assert.False(Node(map, "SendNewsletter").Unreacted);
    }

    [Fact]
    public void Build_DeadLetterCopy_IsARedStickyInTheDeadLetterTopicLaneLinkedFromTheOriginal()
    {
        var m = new FlowMessages();
        m.Event("e1", "StockReserved", "inventory", 0, "o1");
        var charge = m.Command("c1", "ChargePayment", "orders", 10, "o1", "e1", topic: "payments.commands");
        m.Add("c1", "ChargePayment", MessageKind.Command, "orders", 900, "o1", "e1", "orders.dlt",
            new DeadLetterOrigin(charge.Topic, charge.Partition, charge.Offset, "cannot deserialize"));
        m.Event("e2", "OrderCancelled", "orders", 950, "o1", "c1");

        var map = Build(m);

        var dead = Assert.Single(map.Nodes, n => n.DeadLetter);
        Assert.Equal(("ChargePayment", "topic:orders.dlt", true), (dead.Label, dead.Lane, dead.Failure));
        Assert.Contains(map.Lanes, l => l.Id == "topic:orders.dlt" && l.ByTopic);
        var parked = Assert.Single(map.Edges, e => e.Kind == FlowEdgeKind.DeadLetter);
        Assert.Equal((Node(map, "ChargePayment", deadLetter: false).Id, dead.Id, 890L), (parked.From, parked.To, parked.P50Ms!.Value));
        Assert.False(Node(map, "ChargePayment", deadLetter: false).Failure);
        // The copy shares the original's id, yet the original stays the cause of what followed.
        Assert.Single(map.Edges, e => e.From == Node(map, "ChargePayment", deadLetter: false).Id && e.To == Node(map, "OrderCancelled").Id);
    }

    [Fact]
    public void Build_FailureNamesAndDeadLetterTopics_AreFailures()
    {
        var m = new FlowMessages();
        m.Event("e1", "PaymentFailed", "payments", 0);
        m.Event("e2", "PaymentCharged", "payments", 1);
        m.Add("x1", "Whatever", MessageKind.Message, null, 2, null, null, "shop-orders-dead-letter");

        var map = Build(m);

        Assert.True(Node(map, "PaymentFailed").Failure);
        Assert.False(Node(map, "PaymentCharged").Failure);
        Assert.True(Node(map, "Whatever").Failure);
    }

    [Fact]
    public void Build_CausationCycle_EndsWithEdgesBothWays()
    {
        var m = new FlowMessages();
        m.Event("a", "Ping", "loop", 0, "l1", "c");
        m.Event("b", "Pong", "loop", 1, "l1", "a");
        m.Event("c", "Ping", "loop", 2, "l1", "b");
        m.Event("d", "Pong", "loop", 3, "l1", "c");

        var map = Build(m);

        Assert.Equal(2, map.Nodes.Count);
        var pingPong = Assert.Single(map.Edges, e => Label(map, e.From) == "Ping" && Label(map, e.To) == "Pong");
        var pongPing = Assert.Single(map.Edges, e => Label(map, e.From) == "Pong" && Label(map, e.To) == "Ping");
        var pingPing = Assert.Single(map.Edges, e => e.From == e.To);
        Assert.Equal((2L, 1L, 1L), (pingPong.Count, pongPing.Count, pingPing.Count));
        Assert.Equal(-2, pingPing.P50Ms); // a names the later c as its cause
        Assert.All(map.Nodes, n => Assert.False(n.Unreacted));
    }

    [Fact]
    public void Build_NoCausationIds_InfersLinksFromTheOrderWithinEachCorrelation()
    {
        var m = new FlowMessages();
        foreach (var (conversation, at) in new[] { ("t1", 0L), ("t2", 5L) })
        {
            m.Command(conversation + "-1", "ShipOrder", "orders", at, conversation);
            m.Event(conversation + "-2", "OrderShipped", null, at + 40, conversation, topic: "shipping.events");
            m.Command(conversation + "-3", "SendNotification", "orders", at + 100, conversation);
        }

        var map = Build(m);

        var shipped = Node(map, "OrderShipped");
        Assert.Equal("topic:shipping.events", shipped.Lane);
        var into = Assert.Single(map.Edges, e => e.To == Node(map, "OrderShipped").Id);
        Assert.Equal((2L, 2L, 40L), (into.Count, into.Inferred, into.P95Ms!.Value));
        var policy = Assert.Single(map.Nodes, n => n.Kind == FlowNodeKind.Policy);
        Assert.Equal("orders policy: whenever OrderShipped then SendNotification", policy.Label);
    }

    [Fact]
    public void Build_MoreMessagesThanTheCap_ReadsOnlyTheMostRecentAndSaysSo()
    {
        var m = new FlowMessages();
        m.Command("c1", "PlaceOrder", "storefront", 0, "o1");
        m.Event("e1", "OrderPlaced", "orders", 10, "o1", "c1");
        m.Command("c2", "ReserveStock", "orders", 20, "o1", "e1");
        m.Event("e2", "StockReserved", "inventory", 30, "o1", "c2");

        var map = new FlowMapBuilder(new FlowMapOptions { MaxEvents = 2 }).Build(m.OldestFirst(), From, To);

        Assert.True(map.Capped);
        Assert.Equal(2, map.EventsRead);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(20), map.OldestRead);
        Assert.Equal(["ReserveStock", "StockReserved"], map.Nodes.Select(n => n.Label));
        Assert.Single(map.Edges);
    }

    [Fact]
    public void Build_WithinTheCap_IsNotCapped()
    {
        var m = new FlowMessages();
        m.Command("c1", "PlaceOrder", "storefront", 0, "o1");

        var map = Build(m);

        Assert.False(map.Capped);
        Assert.Null(map.OldestRead);
        Assert.Equal(1, map.EventsRead);
        Assert.Equal((From, To), (map.From, map.To));
    }

    [Fact]
    public void Build_CauseOutsideTheWindowAndUntypedMessages_GiveStickiesWithoutDanglingEdges()
    {
        var m = new FlowMessages();
        m.Event("e1", "OrderPlaced", "orders", 0, "o1", "long-gone");
        m.Add("x", null, MessageKind.Message, null, 5, null, null, "audit.log");

        var map = Build(m);

        Assert.Empty(map.Edges);
        Assert.Equal(["OrderPlaced", "(untyped)"], map.Nodes.Select(n => n.Label));
    }

    [Fact]
    public void Build_SavedProjections_AreGreenStickiesNextToTheEventsTheyHandle()
    {
        var m = new FlowMessages();
        m.Event("e1", "OrderPlaced", "orders", 0, "o1");
        m.Event("e2", "OrderShipped", "shipping", 10, "o1", "e1");

        var map = new FlowMapBuilder().Build(m.OldestFirst(), From, To,
        [
            new FlowProjection("order-totals", ["OrderPlaced", "OrderShipped", "NeverSeen"]),
            new FlowProjection("unrelated", ["SomethingElse"]),
        ]);

        var projection = Assert.Single(map.Nodes, n => n.Kind == FlowNodeKind.Projection);
        Assert.Equal(("order-totals", "projections"), (projection.Label, projection.Lane));
        Assert.Equal(2, map.Edges.Count(e => e.Kind == FlowEdgeKind.Projection && e.To == projection.Id));
        Assert.Contains(map.Lanes, l => l.Id == "projections");
    }

    private static FlowMap Build(FlowMessages m) => new FlowMapBuilder().Build(m.OldestFirst(), From, To);

    private static FlowNode Node(FlowMap map, string label, bool deadLetter = false) =>
        Assert.Single(map.Nodes, n => n.Label == label && n.DeadLetter == deadLetter && n.Kind != FlowNodeKind.Policy);

    private static string Label(FlowMap map, string id) => map.Nodes.Single(n => n.Id == id).Label;
}
