using System.Text;

using Bunit;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Graphs.Layout;
using EventObserver.Features.Lineage;

namespace EventObserver.Components.Tests.Lineage;

public sealed class LineageGraphViewTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly BunitContext _context = new();

    public LineageGraphViewTests() => _context.JSInterop.Mode = JSRuntimeMode.Loose;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void View_MixedGraph_DrawsOneStickyPerNodeWithTheColourClassOfItsKind()
    {
        var graph = Graph();

        var view = Render(graph);

        var nodes = view.FindAll("g[data-testid=lineage-node]");
        Assert.Equal(graph.Nodes.Select(n => n.Id), nodes.Select(n => n.GetAttribute("data-id")));
        Assert.Contains("eo-lg-command", ClassOf(view, "orders.commands/0/0"));
        Assert.Contains("eo-lg-event", ClassOf(view, "orders.events/0/0"));
        Assert.Contains("eo-lg-unknown", ClassOf(view, "unknown/ghost"));
        Assert.Contains("eo-lg-more", ClassOf(view, "more/orders.events/0/0/down"));
        Assert.Contains("eo-lg-deadletter", ClassOf(view, "orders.dlt/0/0"));
        Assert.DoesNotContain("eo-lg-deadletter", ClassOf(view, "orders.commands/0/0"));
        Assert.All(nodes, n => Assert.NotNull(n.QuerySelector("rect.eo-lg-sticky")));
    }

    [Fact]
    public void View_MessageSticky_ShowsTypeTopicSourceAndTime()
    {
        var view = Render(Graph());

        var texts = view.Find("g[data-id='orders.commands/0/0']").QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        Assert.Equal("PlaceOrder", texts[0]);
        Assert.Contains("orders.commands", texts);
        Assert.Contains("storefront", texts);
        Assert.Contains("12:00:00.000", texts);
        Assert.Equal("7 more", view.Find("g[data-id='more/orders.events/0/0/down'] text.eo-lg-type").TextContent);
    }

    [Fact]
    public void View_Edges_AreDrawnAsPathsWithKindClassAndLatencyLabel()
    {
        var graph = Graph();

        var view = Render(graph);

        var edges = view.FindAll("g[data-testid=lineage-edge]");
        Assert.Equal(graph.Edges.Count, edges.Count);
        var causation = view.Find("g[data-testid=lineage-edge][data-from='orders.commands/0/0'][data-to='orders.events/0/0']");
        Assert.Contains("eo-lg-edge-causation", causation.ClassList);
        Assert.StartsWith("M", causation.QuerySelector("path")!.GetAttribute("d"));
        Assert.Equal("35 ms", causation.QuerySelector("text.eo-lg-latency")!.TextContent);
        Assert.Contains("eo-lg-edge-deadletter", view.Find("g[data-testid=lineage-edge][data-to='orders.dlt/0/0']").ClassList);
        Assert.Equal("", view.Find("g[data-testid=lineage-edge][data-from='unknown/ghost'] text.eo-lg-latency").TextContent);
    }

    [Fact]
    public void View_SelectionAndPath_AreMarkedAndAClickReportsTheNode()
    {
        var graph = Graph();
        string? clicked = null;
        var highlight = GraphHighlight.PathBetween(graph, "orders.commands/0/0", "orders.dlt/0/0");

        var view = _context.Render<LineageGraphView>(p => p
            .Add(v => v.Graph, graph)
            .Add(v => v.Layout, Layout(graph))
            .Add(v => v.SelectedId, "orders.dlt/0/0")
            .Add(v => v.Highlight, highlight)
            .Add(v => v.OnNodeSelected, id => clicked = id));
        view.Find("g[data-id='orders.events/0/0']").Click();

        Assert.Equal("orders.events/0/0", clicked);
        Assert.Contains("eo-lg-selected", ClassOf(view, "orders.dlt/0/0"));
        Assert.Equal(
            ["orders.commands/0/0->orders.events/0/0", "orders.events/0/0->orders.dlt/0/0"],
            view.FindAll("g[data-testid=lineage-edge].eo-lg-on-path").Select(e => $"{e.GetAttribute("data-from")}->{e.GetAttribute("data-to")}").Order(StringComparer.Ordinal));
        Assert.DoesNotContain("eo-lg-on-path", ClassOf(view, "unknown/ghost"));
    }

    private IRenderedComponent<LineageGraphView> Render(LineageGraph graph) =>
        _context.Render<LineageGraphView>(p => p.Add(v => v.Graph, graph).Add(v => v.Layout, Layout(graph)));

    private static GraphLayout Layout(LineageGraph graph) => new LayeredLayout(LineagePage.GraphLayoutOptions).Compute(graph);

    private static IEnumerable<string> ClassOf(IRenderedComponent<LineageGraphView> view, string id) =>
        view.Find($"g[data-id='{id}']").ClassList;

    /// <summary>PlaceOrder → OrderPlaced → its dead-letter copy; an unknown cause of the command; 7 more effects left out.</summary>
    private static LineageGraph Graph()
    {
        var command = Envelope("orders.commands", "PlaceOrder", MessageKind.Command, 0, "/shop/storefront");
        var placed = Envelope("orders.events", "OrderPlaced", MessageKind.Event, 35, "order-service");
        var copy = Envelope("orders.dlt", "OrderPlaced", MessageKind.Event, 90, "order-service", new DeadLetterOrigin("orders.events", 0, 0, "boom"));
        return new LineageGraph
        {
            RootId = command.Id,
            Nodes =
            [
                new LineageNode { Id = command.Id, Kind = LineageNodeKind.Message, Envelope = command },
                new LineageNode { Id = placed.Id, Kind = LineageNodeKind.Message, Envelope = placed },
                new LineageNode { Id = copy.Id, Kind = LineageNodeKind.Message, Envelope = copy },
                new LineageNode { Id = "unknown/ghost", Kind = LineageNodeKind.Unknown, Reference = "ghost" },
                new LineageNode { Id = "more/orders.events/0/0/down", Kind = LineageNodeKind.More, MoreCount = 7 },
            ],
            Edges =
            [
                new LineageEdge("unknown/ghost", command.Id, LineageEdgeKind.Causation, null),
                new LineageEdge(command.Id, placed.Id, LineageEdgeKind.Causation, 35),
                new LineageEdge(placed.Id, copy.Id, LineageEdgeKind.DeadLetter, 55),
                new LineageEdge(placed.Id, "more/orders.events/0/0/down", LineageEdgeKind.Causation, null),
            ],
            MoreCount = 7,
        };
    }

    private static EventEnvelope Envelope(string topic, string type, MessageKind kind, long atMs, string source, DeadLetterOrigin? deadLetterOf = null) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = 0,
        TimestampMs = T0.ToUnixTimeMilliseconds() + atMs,
        Payload = Encoding.UTF8.GetBytes("{}"),
        PayloadFormat = PayloadFormat.Json,
        MessageId = topic + "-id",
        MessageType = type,
        Kind = kind,
        Source = source,
        DeadLetterOf = deadLetterOf,
    };
}
