using EventObserver.Api;
using EventObserver.Components.Lineage;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Graphs.Layout;
using EventObserver.Core.Lineage;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

using MudBlazor;

namespace EventObserver.Components.Pages;

/// <summary>
/// The lineage graph of one message (<c>?event=topic/partition/offset</c>) or one conversation
/// (<c>?correlation=id</c>); without either, a search box and recent conversations. The graph is laid
/// out here on the server and drawn as SVG; selecting, expanding and highlighting re-render from state.
/// </summary>
public sealed partial class Lineage
{
    public static readonly LayoutOptions GraphLayoutOptions = new() { NodeWidth = 200, NodeHeight = 88, LayerSpacing = 76, NodeSpacing = 22 };

    private readonly LayeredLayout _layout = new(GraphLayoutOptions);
    private LineageGraphView? _view;
    private LineageStart? _loaded;

    [Inject] public required LineageReader Reader { get; init; }

    [Inject] public required IOptions<LineageOptions> Options { get; init; }

    [SupplyParameterFromQuery(Name = "event")] public string? EventParameter { get; set; }

    [SupplyParameterFromQuery(Name = "correlation")] public string? CorrelationParameter { get; set; }

    public LineageStart? Start { get; private set; }

    public LineageDirection Direction { get; private set; } = LineageDirection.Both;

    public int MaxNodes { get; private set; } = LineageReader.DefaultMaxNodes;

    public LineageGraph Graph { get; private set; } = LineageGraph.Empty(null);

    public GraphLayout Layout { get; private set; } = new([], [], 0, 0);

    public string? SelectedId { get; private set; }

    public GraphHighlight Highlight { get; private set; } = GraphHighlight.None;

    private LineageNode? SelectedNode => SelectedId is null ? null : Graph.Nodes.FirstOrDefault(n => n.Id == SelectedId);

    private string? TraceUrlTemplate => Options.Value.TraceUrlTemplate;

    private int MessageCount => Graph.Nodes.Count(n => n.Kind == LineageNodeKind.Message);

    private int TopicCount => Graph.Nodes.Select(n => n.Envelope?.Topic).Where(t => t is not null).Distinct(StringComparer.Ordinal).Count();

    private EventEnvelope? RootEnvelope => Graph.Nodes.FirstOrDefault(n => n.Id == Graph.RootId)?.Envelope;

    private string? RootCorrelation => Start?.Event is not null ? RootEnvelope?.CorrelationId : null;

    private string Caption => Start?.Event is { } position
        ? $"{RootEnvelope?.MessageType ?? "Message"} at {position}"
        : $"Conversation {Start?.CorrelationId}";

    private string NotFoundText => Start?.Event is { } position
        ? $"The index holds no event at {position}."
        : $"No indexed message carries the correlation id '{Start?.CorrelationId}'.";

    /// <summary>Selects a node; a "more" marker raises the node limit and reloads instead.</summary>
    public void Select(string id)
    {
        var node = Graph.Nodes.FirstOrDefault(n => n.Id == id);
        if (node is null)
        {
            return;
        }

        if (node.Kind == LineageNodeKind.More)
        {
            RaiseLimit();
            return;
        }

        SelectedId = id;
        Highlight = GraphHighlight.PathBetween(Graph, Graph.RootId, id);
    }

    /// <summary>Walks from the node in both directions and merges what it finds into the graph on screen.</summary>
    public void Expand(string id)
    {
        var node = Graph.Nodes.FirstOrDefault(n => n.Id == id);
        if (node?.Kind == LineageNodeKind.More)
        {
            RaiseLimit();
            return;
        }

        if (node?.Envelope is not { } envelope)
        {
            return;
        }

        var expansion = Reader.ForEvent(new EventPosition(envelope.Topic, envelope.Partition, envelope.Offset), LineageDirection.Both, LineageReader.DefaultDepth, MaxNodes);
        Show(LineageGraphMerger.Merge(Graph, expansion, id), id);
    }

    protected override void OnParametersSet()
    {
        Start = EventPosition.TryParse(EventParameter, out var position)
            ? LineageStart.ForEvent(position)
            : string.IsNullOrWhiteSpace(CorrelationParameter) ? null : LineageStart.ForCorrelation(CorrelationParameter.Trim());
        if (Start != _loaded)
        {
            _loaded = Start;
            Direction = LineageDirection.Both;
            MaxNodes = LineageReader.DefaultMaxNodes;
            Load();
        }
    }

    private void SetDirection(LineageDirection direction)
    {
        Direction = direction;
        Load();
    }

    private void RaiseLimit()
    {
        MaxNodes = Math.Min(LineageReader.MaxNodesCap, MaxNodes * 2);
        Load();
    }

    private void Load()
    {
        var graph = Start is null ? LineageGraph.Empty(null) : Reader.For(Start, Direction, LineageReader.DefaultDepth, MaxNodes);
        Show(graph, graph.RootId);
    }

    private void Show(LineageGraph graph, string? selectedId)
    {
        Graph = graph;
        Layout = _layout.Compute(graph);
        SelectedId = null;
        Highlight = GraphHighlight.None;
        if (selectedId is not null)
        {
            Select(selectedId);
        }
    }

    private Color DirectionColor(LineageDirection direction) => direction == Direction ? Color.Primary : Color.Default;

    private Task FitAsync() => _view?.FitAsync() ?? Task.CompletedTask;

    private Task ExportAsync() =>
        _view?.ExportAsync(ExportFileName.ForSvg(Start?.Event?.ToString() ?? Start?.CorrelationId)) ?? Task.CompletedTask;
}
