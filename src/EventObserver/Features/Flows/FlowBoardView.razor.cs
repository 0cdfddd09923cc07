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
    /// <summary>
    /// The smallest scale the board is shown at by the opening view and "Fit": 12 px secondary text stays at 10.8 px.
    /// A board too big for that shows the main flow's width from its top-left corner and is scrolled.
    /// </summary>
    public const double ReadableScale = 0.9;

    private static readonly double LabelWidth = FlowsPage.BoardOptions.LabelWidth;

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

    /// <summary>A view (x, y, scale) to open at instead of fitting, e.g. kept in the address; used for the first board only.</summary>
    [Parameter] public double[]? InitialView { get; set; }

    /// <summary>Backward edges first, so they pass under the forward ones.</summary>
    private IEnumerable<(FlowEdge Edge, FlowEdgeRoute Route)> EdgesInDrawingOrder => _edges;

    /// <summary>The whole board when it is readable that way, else the width of the main flow at a readable scale.</summary>
    public Task FitAsync() => _panZoom.FitAsync(new SvgFit(ReadableScale, Box: MainFlowBox(Map, Board)));

    /// <summary>Zooms around the centre of what is shown of the board (factor above 1 zooms in).</summary>
    public Task ZoomAsync(double factor) => _panZoom.ZoomAsync(factor);

    /// <summary>Writes the current zoom into the page's address again after the page replaced it.</summary>
    public Task RememberViewAsync() => _panZoom.RememberAsync();

    /// <summary>
    /// The box (x, y, width, height) of the main flow: the stickies that take part in a link (loose stickies of
    /// side lanes are left out); the whole board when nothing is linked.
    /// </summary>
    public static double[]? MainFlowBox(FlowMap map, FlowBoard board)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        var linked = map.Edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet(StringComparer.Ordinal);
        var placed = board.Nodes.Where(n => linked.Contains(n.Id)).ToList();
        if (placed.Count == 0)
        {
            placed = [.. board.Nodes];
        }

        if (placed.Count == 0)
        {
            return null;
        }

        // From the top of the first lane (its name included) so the opening view starts on a lane heading.
        var top = Math.Min(placed.Min(n => n.Y), board.Lanes.Where(l => placed.Any(n => n.Y >= l.Y && n.Y < l.Y + l.Height)).Select(l => l.Y).DefaultIfEmpty(double.MaxValue).Min());
        var left = Math.Max(0, placed.Min(n => n.X) - FlowsPage.BoardOptions.Padding);
        return [left, top, placed.Max(n => n.X + n.Width) + FlowsPage.BoardOptions.Padding - left, placed.Max(n => n.Y + n.Height) - top];
    }

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
            await _panZoom.AttachAsync(JS, _host, wheelScrolls: true, urlParameter: FlowViewState.ViewParameter);
        }

        if (!ReferenceEquals(_fitted, Board))
        {
            var first = _fitted is null;
            _fitted = Board;
            if (first && InitialView is [var x, var y, var scale])
            {
                await _panZoom.SetViewAsync(x, y, scale);
            }
            else
            {
                await FitAsync();
            }
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
