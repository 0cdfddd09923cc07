using EventObserver.Core.Flows;

namespace EventObserver.Core.Tests.Flows;

public sealed class FlowBoardLayoutTests
{
    [Fact]
    public void Compute_ChainAcrossServices_RunsLeftToRightWithOneBandPerLane()
    {
        var m = new FlowMessages();
        m.Command("c1", "PlaceOrder", "storefront", 0, "o1");
        m.Event("e1", "OrderPlaced", "orders", 10, "o1", "c1");
        m.Command("c2", "ChargePayment", "payments", 30, "o1", "e1");
        m.Event("e2", "PaymentCharged", "payments", 100, "o1", "c2");
        m.Event("e3", "PaymentFailed", "payments", 100, "o2", "c2");
        var map = new FlowMapBuilder().Build(m.OldestFirst(), default, default);

        var board = new FlowBoardLayout().Compute(map);

        Assert.Equal(["storefront", "orders", "payments"], board.Lanes.Select(l => l.Label));
        var placed = board.Nodes.ToDictionary(p => p.Id);
        foreach (var node in map.Nodes)
        {
            var band = board.Lanes.Single(l => l.LaneId == node.Lane);
            var p = placed[node.Id];
            Assert.InRange(p.Y, band.Y, band.Y + band.Height - p.Height);
        }

        for (var i = 1; i < board.Lanes.Count; i++)
        {
            Assert.Equal(board.Lanes[i - 1].Y + board.Lanes[i - 1].Height, board.Lanes[i].Y);
        }

        Assert.All(map.Edges, e => Assert.True(placed[e.From].X < placed[e.To].X, $"{e.Id} does not run left to right"));
        Assert.Equal(map.Edges.Select(e => e.Id), board.Edges.Select(r => r.EdgeId));
        Assert.All(board.Edges, r => Assert.False(r.Backward));
        var charged = placed[map.Nodes.Single(n => n.Label == "PaymentCharged").Id];
        var failed = placed[map.Nodes.Single(n => n.Label == "PaymentFailed").Id];
        Assert.Equal(charged.X, failed.X);
        Assert.NotEqual(charged.Y, failed.Y);
        Assert.True(board.Width >= board.Nodes.Max(p => p.X + p.Width));
        Assert.True(board.Height >= board.Lanes[^1].Y + board.Lanes[^1].Height);
    }

    [Fact]
    public void Compute_LaneWithoutLinks_GoesUnderTheProcess()
    {
        var m = new FlowMessages();
        m.Event("x1", "StockLevelUpdate", "legacy-job", 0, "l1");
        m.Command("c1", "PlaceOrder", "storefront", 1, "o1");
        m.Event("e1", "OrderPlaced", "orders", 10, "o1", "c1");
        m.Command("c2", "ChargePayment", "orders", 30, "o1", "e1");
        m.Event("x2", "StockLevelUpdate", "legacy-job", 40, "l2");
        var map = new FlowMapBuilder().Build(m.OldestFirst(), default, default);

        var board = new FlowBoardLayout().Compute(map);

        // The loose job's sticky sits in the first column like PlaceOrder, yet its lane comes after the linked ones.
        Assert.Equal(["storefront", "orders", "legacy-job"], board.Lanes.Select(l => l.Label));
    }

    [Fact]
    public void Compute_Cycle_RoutesTheClosingEdgeBackward()
    {
        var m = new FlowMessages();
        m.Event("a", "Ping", "loop", 0, "l1", "c");
        m.Event("b", "Pong", "loop", 1, "l1", "a");
        m.Event("c", "Ping", "loop", 2, "l1", "b");
        var map = new FlowMapBuilder().Build(m.OldestFirst(), default, default);

        var board = new FlowBoardLayout().Compute(map);

        Assert.Single(board.Lanes);
        // Pong → Ping closes the cycle and Ping → Ping loops: both go back under the stickies.
        Assert.Equal(2, board.Edges.Count(r => r.Backward));
        Assert.All(board.Edges, r => Assert.True(r.Points.Count >= 2));
    }

    [Fact]
    public void Compute_EmptyMap_IsAnEmptyBoard()
    {
        var board = new FlowBoardLayout().Compute(new FlowMap());

        Assert.Same(FlowBoard.Empty, board);
    }
}
