using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;

namespace EventObserver.Core.Tests.Graphs;

public sealed class LineageGraphBuilderCorrelationTests
{
    /// <summary>a (root) → b inferred, a → c explicit, c → d inferred (latest earlier message).</summary>
    private static Messages Conversation()
    {
        var messages = new Messages();
        messages.Add("a", correlation: "k");
        messages.Add("b", correlation: "k", topic: "payments");
        messages.Add("c", causedBy: "a", correlation: "k", topic: "shipping");
        messages.Add("d", correlation: "k");
        messages.Add("other", correlation: "elsewhere");
        return messages;
    }

    private static (string From, string To, LineageEdgeKind Kind)[] Links(LineageGraph graph) =>
        graph.Edges
            .Select(e => (graph.Nodes.Single(n => n.Id == e.From).Envelope!.MessageId, graph.Nodes.Single(n => n.Id == e.To).Envelope!.MessageId, e.Kind))
            .OrderBy(l => l.Item2, StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void BuildForCorrelation_MessagesWithoutCausation_AreLinkedFromLatestEarlierMessage()
    {
        var messages = Conversation();

        var graph = new LineageGraphBuilder(messages.Source()).BuildForCorrelation("k", 100);

        Assert.Equal(["a", "b", "c", "d"], graph.Nodes.Select(n => n.Envelope!.MessageId));
        Assert.Equal(
            [("a", "b", LineageEdgeKind.Correlation), ("a", "c", LineageEdgeKind.Causation), ("c", "d", LineageEdgeKind.Correlation)],
            Links(graph));
        Assert.Equal(messages.All[0].Id, graph.RootId);
    }

    [Fact]
    public void Build_InferredLinks_AgreeWithCorrelationGraph()
    {
        var messages = Conversation();
        var builder = new LineageGraphBuilder(messages.Source());

        var down = builder.Build(Messages.At(messages.All[0]), LineageDirection.Down, 10, 100);
        var up = builder.Build(Messages.At(messages.All[3]), LineageDirection.Up, 10, 100);

        Assert.Equal(Links(builder.BuildForCorrelation("k", 100)), Links(down));
        Assert.Equal([("a", "c", LineageEdgeKind.Causation), ("c", "d", LineageEdgeKind.Correlation)], Links(up));
    }

    [Fact]
    public void Build_EqualTimestamps_OrderByTopicThenOffset()
    {
        var messages = new Messages();
        messages.Add("z", correlation: "k", topic: "b", timestampMs: 100);
        var earlier = messages.Add("y", correlation: "k", topic: "a", timestampMs: 100);
        var later = messages.Add("x", correlation: "k", topic: "b", timestampMs: 100);

        var graph = new LineageGraphBuilder(messages.Source()).Build(Messages.At(later), LineageDirection.Up, 10, 100);

        Assert.Equal(["x", "z", "y"], graph.Nodes.Select(n => n.Envelope!.MessageId));
        Assert.Equal(earlier.Id, graph.Nodes[^1].Id);
        Assert.Equal(0, graph.Edges[0].LatencyMs);
    }

    [Fact]
    public void Build_DeadLetterCopy_IsNeverAnInferredCause()
    {
        var messages = new Messages();
        var first = messages.Add("a", correlation: "k");
        messages.Add("a", correlation: "k", topic: "orders.DLT", deadLetterOf: new DeadLetterOrigin("orders", 0, first.Offset, null));
        var next = messages.Add("b", correlation: "k");

        var graph = new LineageGraphBuilder(messages.Source()).Build(Messages.At(next), LineageDirection.Up, 1, 100);

        Assert.Equal(new LineageEdge(first.Id, next.Id, LineageEdgeKind.Correlation, 20), Assert.Single(graph.Edges));
    }

    [Fact]
    public void BuildForCorrelation_MoreMessagesThanLimit_KeepsOldestAndCountsRest()
    {
        var messages = new Messages();
        for (var i = 0; i < 30; i++)
        {
            messages.Add($"m{i}", correlation: "k");
        }

        var graph = new LineageGraphBuilder(messages.Source()).BuildForCorrelation("k", 10);

        Assert.Equal(10, graph.Nodes.Count(n => n.Kind == LineageNodeKind.Message));
        Assert.Equal("m0", graph.Nodes[0].Envelope!.MessageId);
        Assert.True(graph.Truncated);
        Assert.Equal(20, Assert.Single(graph.Nodes, n => n.Kind == LineageNodeKind.More).MoreCount);
        Assert.Equal(9, graph.Edges.Count(e => e.Kind == LineageEdgeKind.Correlation && !e.To.StartsWith("more/", StringComparison.Ordinal)));
    }

    [Fact]
    public void BuildForCorrelation_CausesOutsideCorrelation_AreAddedOrMarkedUnknown()
    {
        var messages = new Messages();
        var outside = messages.Add("trigger", correlation: "previous");
        var first = messages.Add("a", causedBy: "trigger", correlation: "k");
        var second = messages.Add("b", causedBy: "ghost", correlation: "k");

        var graph = new LineageGraphBuilder(messages.Source()).BuildForCorrelation("k", 100);

        Assert.Equal([first.Id, second.Id, outside.Id, "unknown/ghost"], graph.Nodes.Select(n => n.Id));
        Assert.Contains(new LineageEdge(outside.Id, first.Id, LineageEdgeKind.Causation, 10), graph.Edges);
        Assert.Contains(new LineageEdge("unknown/ghost", second.Id, LineageEdgeKind.Causation, null), graph.Edges);
    }

    [Theory]
    [InlineData("")]
    [InlineData("absent")]
    public void BuildForCorrelation_UnknownCorrelation_ReturnsEmptyGraph(string correlationId)
    {
        var graph = new LineageGraphBuilder(Conversation().Source()).BuildForCorrelation(correlationId, 100);

        Assert.False(graph.Found);
        Assert.Null(graph.RootId);
    }
}
