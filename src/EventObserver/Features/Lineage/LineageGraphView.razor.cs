using EventObserver.Components.Shared;
using EventObserver.Core.Graphs;
using EventObserver.Core.Graphs.Layout;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace EventObserver.Features.Lineage;

/// <summary>
/// Draws a laid-out lineage graph as SVG: Event Storming stickies for the nodes, curved edges with
/// their latency. Pan and zoom run in the browser (wwwroot/js/lineage-graph.js), so a wheel or drag
/// costs no round trip; the server only re-renders when the graph or the selection changes.
/// </summary>
public sealed partial class LineageGraphView : IAsyncDisposable
{
    /// <summary>
    /// The smallest scale the graph opens at whole: 12 px lines stay above 9.5 px. A graph too big for that opens at
    /// 100 % around its root; "Fit" shows it whole anyway.
    /// </summary>
    public const double ReadableScale = 0.8;

    private static readonly string[] Markers = ["causation", "correlation", "deadletter", "path"];

    private readonly SvgPanZoom _panZoom = new();
    private Dictionary<string, LineageNode> _nodes = new(StringComparer.Ordinal);
    private ElementReference _host;
    private GraphLayout? _fitted;

    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter, EditorRequired] public required LineageGraph Graph { get; set; }

    /// <summary>The layout of <see cref="Graph"/>: one placement per node, one route per edge in the same order.</summary>
    [Parameter, EditorRequired] public required GraphLayout Layout { get; set; }

    [Parameter] public string? SelectedId { get; set; }

    [Parameter] public GraphHighlight Highlight { get; set; } = GraphHighlight.None;

    /// <summary>Nodes an expansion just added: drawn highlighted for a moment, and the view moves to include them.</summary>
    [Parameter] public IReadOnlySet<string> NewIds { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    [Parameter] public EventCallback<string> OnNodeSelected { get; set; }

    /// <summary>Downloads the graph as a standalone SVG file (styles embedded).</summary>
    public Task ExportAsync(string fileName) => _panZoom.ExportSvgAsync(_host, fileName);

    /// <summary>Zooms to show the whole graph, however small that makes it.</summary>
    public Task FitAsync() => _panZoom.FitAsync(SvgFit.Whole);

    /// <summary>How a new graph opens: whole and centred when readable that way, else at 100 % around the root.</summary>
    public static SvgFit OpeningFit(LineageGraph graph, GraphLayout layout)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(layout);
        var root = layout.Nodes.FirstOrDefault(n => n.Id == graph.RootId) ?? layout.Nodes.FirstOrDefault();
        return new SvgFit(ReadableScale, Focus: root is null ? null : [root.X + root.Width / 2, root.Y + root.Height / 2], FocusScale: 1);
    }

    /// <summary>The box (x, y, width, height) around the given nodes; null when none is placed.</summary>
    public static double[]? BoxAround(GraphLayout layout, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var placed = layout.Nodes.Where(n => wanted.Contains(n.Id)).ToList();
        if (placed.Count == 0)
        {
            return null;
        }

        var (left, top) = (placed.Min(n => n.X), placed.Min(n => n.Y));
        return [left, top, placed.Max(n => n.X + n.Width) - left, placed.Max(n => n.Y + n.Height) - top];
    }

    public ValueTask DisposeAsync() => _panZoom.DisposeAsync();

    protected override void OnParametersSet() =>
        _nodes = Graph.Nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await _panZoom.AttachAsync(JS, _host);
        }

        if (!ReferenceEquals(_fitted, Layout))
        {
            _fitted = Layout;
            // After an expansion the user keeps their place; the view only widens enough to show what came.
            if (NewIds.Count > 0 && BoxAround(Layout, SelectedId is null ? NewIds : NewIds.Append(SelectedId)) is { } box)
            {
                await _panZoom.RevealAsync(box);
            }
            else
            {
                await _panZoom.FitAsync(OpeningFit(Graph, Layout));
            }
        }
    }

    private static string MarkerOf(LineageEdgeKind kind) => kind switch
    {
        LineageEdgeKind.Correlation => "correlation",
        LineageEdgeKind.DeadLetter => "deadletter",
        _ => "causation",
    };

    private static string Line(LineageNode node, int index) =>
        Lines(node).ElementAtOrDefault(index) is { } line ? LineageStyles.Fit(line, index == 0 ? 30 : 28) : "";

    private static IEnumerable<string> Lines(LineageNode node)
    {
        switch (node.Kind)
        {
            case LineageNodeKind.Unknown:
                yield return node.Reference ?? "";
                yield return "not in the index";
                break;
            case LineageNodeKind.More:
                yield return "left out at the node limit";
                yield return "click to show more";
                break;
            case LineageNodeKind.Hidden:
                yield return "you may not read this topic";
                break;
            default:
                var e = node.Envelope!;
                yield return e.Topic;
                yield return LineageStyles.ShortSource(e.Source) is { Length: > 0 } source ? source : "(no source)";
                yield return LineageStyles.Time(e.Timestamp);
                break;
        }
    }

    private static string Tooltip(LineageNode node) => node switch
    {
        { Kind: LineageNodeKind.Hidden } => LineageStyles.HiddenText,
        { Envelope: { } e } =>
            $"{e.MessageType} ({LineageStyles.KindLabel(node)})\n{e.Id}\nsource: {e.Source}\nmessage id: {e.MessageId}\ncorrelation: {e.CorrelationId}\ncausation: {(node.CauseHidden ? "hidden" : e.CausationId)}",
        _ => $"{LineageStyles.Title(node)}\n{node.Reference}",
    };

    private Task SelectAsync(string id) => OnNodeSelected.InvokeAsync(id);

    private Task KeyAsync(KeyboardEventArgs e, string id) =>
        e.Key is "Enter" or " " ? SelectAsync(id) : Task.CompletedTask;
}
