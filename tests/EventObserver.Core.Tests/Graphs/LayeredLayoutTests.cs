using EventObserver.Core.Graphs;
using EventObserver.Core.Graphs.Layout;

namespace EventObserver.Core.Tests.Graphs;

public sealed class LayeredLayoutTests
{
    private static readonly LayoutOptions Options = new() { NodeWidth = 100, NodeHeight = 40, LayerSpacing = 50, NodeSpacing = 10, Padding = 5 };

    private static Dictionary<string, NodePlacement> Place(GraphLayout layout) => layout.Nodes.ToDictionary(p => p.Id);

    private static LayoutEdge[] Edges(params string[] pairs) =>
        pairs.Select(p => p.Split("->")).Select(p => new LayoutEdge(p[0], p[1])).ToArray();

    /// <summary>A seeded random graph with forward edges, long edges and a few back edges (cycles).</summary>
    private static (List<string> Nodes, List<LayoutEdge> Edges) RandomGraph(int count, int seed)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, count).Select(i => $"n{i}").ToList();
        var edges = new List<LayoutEdge>();
        for (var i = 1; i < count; i++)
        {
            edges.Add(new(nodes[random.Next(Math.Max(0, i - 20), i)], nodes[i]));
        }

        for (var k = 0; k < count / 3; k++)
        {
            var a = random.Next(count - 1);
            edges.Add(new(nodes[a], nodes[random.Next(a + 1, Math.Min(count, a + 40))]));
        }

        for (var k = 0; k < count / 20; k++)
        {
            var a = random.Next(1, count);
            edges.Add(new(nodes[a], nodes[random.Next(a)]));
        }

        return (nodes, edges);
    }

    [Fact]
    public void Compute_Diamond_PlacesEachEdgeLeftToRight()
    {
        var layout = new LayeredLayout(Options).Compute(["a", "b", "c", "d"], Edges("a->b", "a->c", "b->d", "c->d"));

        var at = Place(layout);
        Assert.Equal([0, 1, 1, 2], new[] { "a", "b", "c", "d" }.Select(id => at[id].Layer));
        Assert.All(layout.Edges, e => Assert.True(at[e.From].X < at[e.To].X));
        Assert.NotEqual(at["b"].Y, at["c"].Y);
    }

    [Fact]
    public void Compute_RandomGraphWithCycles_EveryForwardEdgeGoesRightAndEveryBackEdgeLeft()
    {
        var (nodes, edges) = RandomGraph(400, seed: 7);

        var layout = new LayeredLayout(Options).Compute(nodes, edges);

        var at = Place(layout);
        Assert.Contains(layout.Edges, e => e.Reversed);
        Assert.All(layout.Edges, e => Assert.True(e.Reversed ? at[e.From].X > at[e.To].X : at[e.From].X < at[e.To].X));
    }

    [Fact]
    public void Compute_RandomGraph_NoTwoNodesOverlap()
    {
        var (nodes, edges) = RandomGraph(400, seed: 11);

        var placements = new LayeredLayout(Options).Compute(nodes, edges).Nodes;

        foreach (var layer in placements.GroupBy(p => p.Layer))
        {
            var column = layer.OrderBy(p => p.Y).ToList();
            Assert.Single(column.Select(p => p.X).Distinct());
            for (var i = 1; i < column.Count; i++)
            {
                Assert.True(column[i].Y >= column[i - 1].Y + column[i - 1].Height, $"{column[i - 1].Id} overlaps {column[i].Id}");
            }
        }

        var columns = placements.GroupBy(p => p.Layer).OrderBy(g => g.Key).Select(g => g.First().X).ToList();
        Assert.All(columns.Zip(columns.Skip(1)), pair => Assert.True(pair.Second >= pair.First + Options.NodeWidth));
    }

    [Fact]
    public void Compute_SameInputTwice_GivesIdenticalLayout()
    {
        var (nodes, edges) = RandomGraph(300, seed: 3);
        var layout = new LayeredLayout(Options);

        var first = layout.Compute(nodes, edges);
        var second = layout.Compute(nodes, edges);

        Assert.Equal(first.Nodes, second.Nodes);
        Assert.Equal(first.Edges.Select(e => e.Points), second.Edges.Select(e => e.Points));
        Assert.Equal((first.Width, first.Height), (second.Width, second.Height));
    }

    [Fact]
    public void Compute_Cycle_TerminatesAndReversesOneEdge()
    {
        var layout = new LayeredLayout(Options).Compute(["a", "b", "c"], Edges("a->b", "b->c", "c->a"));

        var reversed = Assert.Single(layout.Edges, e => e.Reversed);
        Assert.Equal(("c", "a"), (reversed.From, reversed.To));
        Assert.Equal([0, 1, 2], layout.Nodes.Select(p => p.Layer));
    }

    [Fact]
    public void Compute_LongEdge_BendsBetweenLayersFromSourceToTarget()
    {
        var layout = new LayeredLayout(Options).Compute(["a", "b", "c", "d"], Edges("a->b", "b->c", "c->d", "a->d"));

        var at = Place(layout);
        var route = layout.Edges[3].Points;
        Assert.Equal(6, route.Count);
        Assert.Equal(new LayoutPoint(at["a"].X + 100, at["a"].Y + 20), route[0]);
        Assert.Equal(new LayoutPoint(at["d"].X, at["d"].Y + 20), route[^1]);
        Assert.True(route.Zip(route.Skip(1)).All(p => p.Second.X > p.First.X));
    }

    [Fact]
    public void Compute_CrossingInInputOrder_IsUncrossed()
    {
        var layout = new LayeredLayout(Options).Compute(["a", "b", "c", "d"], Edges("a->d", "b->c"));

        var at = Place(layout);
        Assert.Equal(at["a"].Y < at["b"].Y, at["d"].Y < at["c"].Y);
    }

    [Fact]
    public void Compute_RootOfDeepNode_SitsInLayerBeforeIt()
    {
        var layout = new LayeredLayout(Options).Compute(["a", "b", "c", "unknown/x"], Edges("a->b", "b->c", "unknown/x->c"));

        Assert.Equal(1, Place(layout)["unknown/x"].Layer);
    }

    [Fact]
    public void Compute_BadEdges_AreIgnoredWithoutBreakingOthers()
    {
        var layout = new LayeredLayout(Options).Compute(["a", "b", "a"], Edges("a->ghost", "a->a", "a->b"));

        Assert.Equal(2, layout.Nodes.Count);
        Assert.Empty(layout.Edges[0].Points);
        Assert.Equal(5, layout.Edges[1].Points.Count);
        Assert.Equal([0, 1], layout.Nodes.Select(p => p.Layer));
    }

    [Fact]
    public void Compute_NodeSize_ComesFromOptions()
    {
        var options = new LayoutOptions { NodeWidth = 240, NodeHeight = 90, Padding = 0, LayerSpacing = 60 };

        var layout = new LayeredLayout(options).Compute(["a", "b"], Edges("a->b"));

        Assert.All(layout.Nodes, p => Assert.Equal((240d, 90d), (p.Width, p.Height)));
        Assert.Equal(300, layout.Nodes[1].X);
        Assert.Equal((540d, 90d), (layout.Width, layout.Height));
    }

    [Fact]
    public void Compute_EmptyGraph_ReturnsEmptyLayout()
    {
        var layout = new LayeredLayout().Compute([], []);

        Assert.Empty(layout.Nodes);
        Assert.Empty(layout.Edges);
    }

    [Fact]
    public void Compute_LineageGraph_PlacesEveryNodeAndRoutesEveryEdge()
    {
        var messages = new Messages();
        var root = messages.Add("a");
        messages.Add("b", causedBy: "a");
        messages.Add("c", causedBy: "ghost");
        messages.Add("d", causedBy: "b", correlation: "k");
        var graph = new LineageGraphBuilder(messages.Source()).Build(Messages.At(root), LineageDirection.Down, 5, 50);

        var layout = new LayeredLayout().Compute(graph);

        Assert.Equal(graph.Nodes.Select(n => n.Id), layout.Nodes.Select(p => p.Id));
        Assert.All(layout.Edges, e => Assert.NotEmpty(e.Points));
    }
}
