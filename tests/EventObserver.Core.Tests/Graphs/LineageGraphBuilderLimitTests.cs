using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;

namespace EventObserver.Core.Tests.Graphs;

public sealed class LineageGraphBuilderLimitTests
{
    private static Messages Chain(int length)
    {
        var messages = new Messages();
        messages.Add("m0");
        for (var i = 1; i < length; i++)
        {
            messages.Add($"m{i}", causedBy: $"m{i - 1}", topic: $"t{i % 3}");
        }

        return messages;
    }

    [Theory]
    [InlineData(LineageDirection.Up)]
    [InlineData(LineageDirection.Down)]
    public void Build_TenThousandDeepChain_WalksWholeChainWithoutRecursion(LineageDirection direction)
    {
        var messages = Chain(10_000);
        var start = direction == LineageDirection.Up ? messages.All[^1] : messages.All[0];

        var graph = new LineageGraphBuilder(messages.Source()).Build(Messages.At(start), direction, 20_000, 20_000);

        Assert.Equal(10_000, graph.Nodes.Count);
        Assert.Equal(9_999, graph.Edges.Count);
        Assert.Equal(9_999, graph.Nodes.Max(n => n.Depth));
        Assert.False(graph.Truncated);
    }

    [Fact]
    public void Build_TenThousandWideFanOut_CutsAtMaxNodesWithMoreMarker()
    {
        var messages = new Messages();
        var root = messages.Add("root");
        for (var i = 0; i < 10_000; i++)
        {
            messages.Add($"child{i}", causedBy: "root", partition: i % 4);
        }

        var graph = new LineageGraphBuilder(messages.Source()).Build(Messages.At(root), LineageDirection.Down, 5, 100);

        Assert.Equal(100, graph.Nodes.Count(n => n.Kind == LineageNodeKind.Message));
        var more = Assert.Single(graph.Nodes, n => n.Kind == LineageNodeKind.More);
        Assert.Equal(9_901, more.MoreCount);
        Assert.Equal($"more/{root.Id}/down", more.Id);
        Assert.Contains(graph.Edges, e => e.From == root.Id && e.To == more.Id);
        Assert.True(graph.Truncated);
        Assert.Equal(9_901, graph.MoreCount);
    }

    [Fact]
    public void Build_FanOutWithinLimit_IsNotTruncated()
    {
        var messages = new Messages();
        var root = messages.Add("root");
        for (var i = 0; i < 20; i++)
        {
            messages.Add($"child{i}", causedBy: "root");
        }

        var graph = new LineageGraphBuilder(messages.Source()).Build(Messages.At(root), LineageDirection.Down, 5, 100);

        Assert.Equal(21, graph.Nodes.Count);
        Assert.False(graph.Truncated);
        Assert.DoesNotContain(graph.Nodes, n => n.Kind == LineageNodeKind.More);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 4)]
    [InlineData(100, 10)]
    public void Build_DepthLimit_StopsAfterThatManyHops(int maxDepth, int expectedNodes)
    {
        var messages = Chain(10);

        var graph = new LineageGraphBuilder(messages.Source()).Build(Messages.At(messages.All[^1]), LineageDirection.Up, maxDepth, 100);

        Assert.Equal(expectedNodes, graph.Nodes.Count);
        Assert.Equal(expectedNodes - 1, graph.Edges.Count);
    }

    [Theory]
    [InlineData(LineageDirection.Up, new[] { "b", "a" })]
    [InlineData(LineageDirection.Down, new[] { "b", "c", "d" })]
    [InlineData(LineageDirection.Both, new[] { "b", "a", "c", "d" })]
    public void Build_Direction_WalksOnlyThatWay(LineageDirection direction, string[] expected)
    {
        var messages = new Messages();
        messages.Add("a");
        var b = messages.Add("b", causedBy: "a");
        messages.Add("sibling", causedBy: "a");
        messages.Add("c", causedBy: "b");
        messages.Add("d", causedBy: "c");

        var graph = new LineageGraphBuilder(messages.Source()).Build(Messages.At(b), direction, 10, 100);

        Assert.Equal(expected, graph.Nodes.Select(n => n.Envelope!.MessageId));
    }

    [Fact]
    public void Build_Both_RecordsHopsInEachDirection()
    {
        var messages = Chain(5);

        var graph = new LineageGraphBuilder(messages.Source()).Build(Messages.At(messages.All[2]), LineageDirection.Both, 1, 100);

        Assert.Equal(["m2", "m1", "m3"], graph.Nodes.Select(n => n.Envelope!.MessageId));
        Assert.Equal([0, 1, 1], graph.Nodes.Select(n => n.Depth));
    }

    [Fact]
    public void Build_NodeLimitReachedWithQueueLeft_IsTruncated()
    {
        var messages = Chain(10);

        var graph = new LineageGraphBuilder(messages.Source()).Build(Messages.At(messages.All[0]), LineageDirection.Down, 100, 4);

        Assert.Equal(4, graph.Nodes.Count);
        Assert.True(graph.Truncated);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(5, 0)]
    public void Build_InvalidLimits_Throw(int maxDepth, int maxNodes)
    {
        var builder = new LineageGraphBuilder(Chain(2).Source());

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Build(new EventPosition("t0", 0, 0), LineageDirection.Up, maxDepth, maxNodes));
    }
}
