using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;

namespace EventObserver.Core.Tests.Graphs;

public sealed class LineageGraphBuilderShapeTests
{
    private static LineageGraph Walk(Messages messages, EventEnvelope start, LineageDirection direction, int maxDepth = 50, int maxNodes = 500) =>
        new LineageGraphBuilder(messages.Source()).Build(Messages.At(start), direction, maxDepth, maxNodes);

    private static string[] NodeIds(LineageGraph graph) => graph.Nodes.Select(n => n.Id).ToArray();

    [Fact]
    public void Build_Diamond_ReachesJoinOnceWithTwoEdges()
    {
        // The same event published to two topics shares one id; its effect has two causes.
        var messages = new Messages();
        var a = messages.Add("a");
        var b = messages.Add("b", causedBy: "a", topic: "shipping");
        var c = messages.Add("b", causedBy: "a", topic: "billing");
        var d = messages.Add("d", causedBy: "b");

        var graph = Walk(messages, a, LineageDirection.Down);

        Assert.Equal(4, graph.Nodes.Count);
        Assert.Single(graph.Nodes, n => n.Id == d.Id);
        var intoJoin = graph.Edges.Where(e => e.To == d.Id).Select(e => e.From).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { c.Id, b.Id }.Order(StringComparer.Ordinal), intoJoin);
        Assert.Equal(4, graph.Edges.Count);
    }

    [Fact]
    public void Build_DiamondWalkedUp_FindsBothCausesAndCommonRoot()
    {
        var messages = new Messages();
        var a = messages.Add("a");
        messages.Add("b", causedBy: "a", topic: "shipping");
        messages.Add("b", causedBy: "a", topic: "billing");
        var d = messages.Add("d", causedBy: "b");

        var graph = Walk(messages, d, LineageDirection.Up);

        Assert.Equal(4, graph.Nodes.Count);
        Assert.Equal(2, graph.Edges.Count(e => e.From == a.Id));
        Assert.All(graph.Edges, e => Assert.Equal(LineageEdgeKind.Causation, e.Kind));
    }

    [Theory]
    [InlineData(LineageDirection.Up)]
    [InlineData(LineageDirection.Down)]
    [InlineData(LineageDirection.Both)]
    public void Build_Cycle_VisitsEachNodeOnceAndEachEdgeOnce(LineageDirection direction)
    {
        var messages = new Messages();
        var a = messages.Add("a", causedBy: "c");
        var b = messages.Add("b", causedBy: "a");
        var c = messages.Add("c", causedBy: "b");

        var graph = Walk(messages, a, direction, maxDepth: 1000);

        Assert.Equal(new[] { a.Id, b.Id, c.Id }.Order(StringComparer.Ordinal), NodeIds(graph).Order(StringComparer.Ordinal));
        Assert.Equal(3, graph.Edges.Count);
        Assert.Contains(graph.Edges, e => e.From == c.Id && e.To == a.Id);
        Assert.False(graph.Truncated);
    }

    [Fact]
    public void Build_SelfCausedMessage_HasNoSelfEdgeAndIsMarked()
    {
        var messages = new Messages();
        var root = messages.Add("a", causedBy: "a");
        var child = messages.Add("b", causedBy: "a");

        var up = Walk(messages, root, LineageDirection.Up);
        var down = Walk(messages, root, LineageDirection.Down);

        Assert.Single(up.Nodes);
        Assert.Empty(up.Edges);
        Assert.True(up.Nodes[0].SelfCaused);
        var edge = Assert.Single(down.Edges);
        Assert.Equal((root.Id, child.Id), (edge.From, edge.To));
    }

    [Fact]
    public void Build_MissingCause_LinksFromUnknownNode()
    {
        var messages = new Messages();
        var orphan = messages.Add("b", causedBy: "ghost");

        var graph = Walk(messages, orphan, LineageDirection.Up);

        var unknown = Assert.Single(graph.Nodes, n => n.Kind == LineageNodeKind.Unknown);
        Assert.Equal("unknown/ghost", unknown.Id);
        Assert.Equal("ghost", unknown.Reference);
        Assert.Null(unknown.Envelope);
        var edge = Assert.Single(graph.Edges);
        Assert.Equal(new LineageEdge("unknown/ghost", orphan.Id, LineageEdgeKind.Causation, null), edge);
    }

    [Fact]
    public void Build_DeadLetterWalkedDown_LinksCopyFromOriginal()
    {
        var messages = new Messages();
        var payment = messages.Add("pay");
        var original = messages.Add("o", causedBy: "pay");
        var copy = messages.Add("o", causedBy: "pay", topic: "orders.DLT", deadLetterOf: new DeadLetterOrigin("orders", 0, original.Offset, "boom"));

        var graph = Walk(messages, payment, LineageDirection.Down);

        Assert.Equal(3, graph.Nodes.Count);
        Assert.Contains(new LineageEdge(payment.Id, original.Id, LineageEdgeKind.Causation, 10), graph.Edges);
        Assert.Contains(new LineageEdge(original.Id, copy.Id, LineageEdgeKind.DeadLetter, 10), graph.Edges);
        Assert.DoesNotContain(graph.Edges, e => e.From == payment.Id && e.To == copy.Id);
    }

    [Fact]
    public void Build_DeadLetterWalkedUp_ReachesOriginalThenItsCause()
    {
        var messages = new Messages();
        var payment = messages.Add("pay");
        var original = messages.Add("o", causedBy: "pay");
        var copy = messages.Add("o", causedBy: "pay", topic: "orders.DLT", deadLetterOf: new DeadLetterOrigin("orders", 0, original.Offset, "boom"));

        var graph = Walk(messages, copy, LineageDirection.Up);

        Assert.Equal([copy.Id, original.Id, payment.Id], NodeIds(graph));
        Assert.Equal(LineageEdgeKind.DeadLetter, Assert.Single(graph.Edges, e => e.To == copy.Id).Kind);
    }

    [Fact]
    public void Build_DeadLetterCopySharesId_IsNotTakenAsCause()
    {
        var messages = new Messages();
        var original = messages.Add("o");
        messages.Add("o", topic: "orders.DLT", deadLetterOf: new DeadLetterOrigin("orders", 0, original.Offset, null));
        var effect = messages.Add("e", causedBy: "o");

        var graph = Walk(messages, effect, LineageDirection.Up, maxDepth: 1);

        Assert.Equal([effect.Id, original.Id], NodeIds(graph));
    }

    [Theory]
    [InlineData(99L, "unknown/orders/0/99")]
    [InlineData(null, "unknown/orders/?/?")]
    public void Build_DeadLetterOfMissingOriginal_LinksFromUnknownNode(long? offset, string expectedId)
    {
        var messages = new Messages();
        var partition = offset is null ? (int?)null : 0;
        var copy = messages.Add("o", topic: "orders.DLT", deadLetterOf: new DeadLetterOrigin("orders", partition, offset, null));

        var graph = Walk(messages, copy, LineageDirection.Up);

        Assert.Equal(expectedId, Assert.Single(graph.Nodes, n => n.Kind == LineageNodeKind.Unknown).Id);
        Assert.Equal(LineageEdgeKind.DeadLetter, Assert.Single(graph.Edges).Kind);
    }

    [Fact]
    public void Build_DuplicateCauseIds_LinksEveryOccurrenceOldestFirstEveryTime()
    {
        var messages = new Messages();
        var replay = messages.Add("x", topic: "replayed", timestampMs: 5_000);
        var first = messages.Add("x", timestampMs: 2_000);
        var effect = messages.Add("y", causedBy: "x", timestampMs: 6_000);
        var builder = new LineageGraphBuilder(messages.Source());

        var once = builder.Build(Messages.At(effect), LineageDirection.Up, 5, 50);
        var twice = builder.Build(Messages.At(effect), LineageDirection.Up, 5, 50);

        Assert.Equal([effect.Id, first.Id, replay.Id], NodeIds(once));
        Assert.Equal(NodeIds(once), NodeIds(twice));
        Assert.Equal(once.Edges, twice.Edges);
        Assert.Equal([4_000L, 1_000L], once.Edges.Select(e => e.LatencyMs!.Value));
    }

    [Fact]
    public void Build_UnindexedStart_ReturnsEmptyGraph()
    {
        var messages = new Messages();
        messages.Add("a");

        var graph = new LineageGraphBuilder(messages.Source()).Build(new EventPosition("nowhere", 0, 0), LineageDirection.Both, 5, 50);

        Assert.False(graph.Found);
        Assert.Equal("nowhere/0/0", graph.RootId);
        Assert.Empty(graph.Edges);
    }
}
