using EventObserver.Components.Shared;
using EventObserver.Core.Flows;

using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EventObserver.Features.Flows;

/// <summary>
/// Draws a laid-out flow map as SVG: lanes as bands, Event Storming stickies, edges labelled with count and
/// p50/p95. Pan and zoom reuse the lineage graph's browser module (no round trip per wheel event); the view
/// fits itself only when the board's layout changes, so a refresh that changes only numbers keeps the user's zoom.
/// </summary>
public sealed partial class FlowBoardView : IAsyncDisposable
{
    private static readonly double LabelWidth = new FlowBoardOptions().LabelWidth;

    private static readonly string[] Markers = ["flow", "policy", "deadletter", "projection", "selected"];

    private readonly SvgPanZoom _panZoom = new();
    private Dictionary<string, FlowNode> _nodes = new(StringComparer.Ordinal);
    private List<(FlowEdge Edge, FlowEdgeRoute Route)> _edges = [];
    private ElementReference _host;
    private FlowBoard? _fitted;

    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter, EditorRequired] public required FlowMap Map { get; set; }

    /// <summary>The layout of <see cref="Map"/>: one placement per node, one route per edge in the same order.</summary>
    [Parameter, EditorRequired] public required FlowBoard Board { get; set; }

    [Parameter] public string? SelectedEdgeId { get; set; }

    [Parameter] public string? SelectedNodeId { get; set; }

    [Parameter] public EventCallback<string> OnEdgeSelected { get; set; }

    [Parameter] public EventCallback<string> OnNodeSelected { get; set; }

    /// <summary>Backward edges first, so they pass under the forward ones.</summary>
    private IEnumerable<(FlowEdge Edge, FlowEdgeRoute Route)> EdgesInDrawingOrder => _edges;

    /// <summary>
    /// Fits the view: the whole board when <paramref name="whole"/> (or when it is readable that way), otherwise a
    /// readable scale starting at the left, where the process begins.
    /// </summary>
    public Task FitAsync(bool whole = false)
    {
        var start = whole ? null : Board.Nodes.OrderBy(n => n.X).ThenBy(n => n.Y).FirstOrDefault();
        return _panZoom.FitAsync(start is null ? null : [start.X + start.Width / 2, start.Y + start.Height / 2]);
    }

    /// <summary>Zooms around the centre of the view (factor above 1 zooms in).</summary>
    public Task ZoomAsync(double factor) => _panZoom.ZoomAsync(factor);

    public ValueTask DisposeAsync() => _panZoom.DisposeAsync();

    protected override void OnParametersSet()
    {
        _nodes = Map.Nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var routes = Board.Edges.GroupBy(r => r.EdgeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _edges = [.. Map.Edges
            .Select(e => (Edge: e, Route: routes.GetValueOrDefault(e.Id)))
            .Where(x => x.Route is { Points.Count: >= 2 })
            .Select(x => (x.Edge, x.Route!))
            .OrderBy(x => x.Item2.Backward ? 0 : 1)];
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await _panZoom.AttachAsync(JS, _host);
        }

        if (!ReferenceEquals(_fitted, Board))
        {
            _fitted = Board;
            await FitAsync();
        }
    }

    private static string MarkerOf(FlowEdge edge) => edge.Kind switch
    {
        FlowEdgeKind.IntoPolicy or FlowEdgeKind.FromPolicy => "policy",
        FlowEdgeKind.DeadLetter => "deadletter",
        FlowEdgeKind.Projection => "projection",
        _ => "flow",
    };

    private Task SelectEdgeAsync(string id) => OnEdgeSelected.InvokeAsync(id);

    private Task SelectNodeAsync(string id) => OnNodeSelected.InvokeAsync(id);
}
