using EventObserver.Components.Shared;
using EventObserver.Core.Graphs.Layout;
using EventObserver.Core.Topology;

using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EventObserver.Features.Topology;

/// <summary>
/// Draws the topology as SVG: boxes that are links to their pages, lines as thick as their rate with a "12/s" label.
/// Pan and zoom reuse the lineage graph's browser module; the view fits itself only when boxes or links came or went,
/// so a refresh that changes only numbers keeps the user's zoom.
/// </summary>
public sealed partial class TopologyView : IAsyncDisposable
{
    private readonly SvgPanZoom _panZoom = new();
    private ElementReference _host;
    private Dictionary<string, int> _fanOut = new(StringComparer.Ordinal);
    private Dictionary<string, int> _fanIn = new(StringComparer.Ordinal);
    private string? _fittedShape;
    private bool _attached;

    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter, EditorRequired] public required TopologyMap Map { get; set; }

    public Task FitAsync() => _panZoom.FitAsync(new SvgFit(0.6));

    public Task ZoomAsync(double factor) => _panZoom.ZoomAsync(factor);

    public ValueTask DisposeAsync() => _panZoom.DisposeAsync();

    /// <summary>Boxes and links by id: what decides whether the view fits itself again.</summary>
    public static string Shape(TopologyMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return string.Join('\n', map.Nodes.Select(n => n.Id).Concat(map.Edges.Select(e => e.Id)));
    }

    protected override void OnParametersSet()
    {
        _fanOut = Map.Edges.GroupBy(e => e.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _fanIn = Map.Edges.GroupBy(e => e.To, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await _panZoom.AttachAsync(JS, _host, wheelScrolls: true);
            _attached = true;
        }

        var shape = Shape(Map);
        if (_attached && shape != _fittedShape)
        {
            _fittedShape = shape;
            await FitAsync();
        }
    }

    /// <summary>On the curve, towards the end where links spread apart, so labels of a fan do not stack up.</summary>
    private LayoutPoint LabelPoint(TopologyEdge edge)
    {
        var (a, b) = (edge.Points[0], edge.Points[^1]);
        var fanOut = _fanOut.GetValueOrDefault(edge.From);
        var fanIn = _fanIn.GetValueOrDefault(edge.To);
        var t = fanOut > fanIn ? 0.7 : fanIn > fanOut ? 0.3 : 0.5;
        var u = 1 - t;
        var x = u * u * u * a.X + 3 * u * u * t * (a.X + (b.X - a.X) / 2) + 3 * u * t * t * (b.X - (b.X - a.X) / 2) + t * t * t * b.X;
        var y = u * u * u * a.Y + 3 * u * u * t * a.Y + 3 * u * t * t * b.Y + t * t * t * b.Y;
        return new LayoutPoint(x, y);
    }

    private string EdgeTitle(TopologyEdge edge)
    {
        var from = Map.Nodes.FirstOrDefault(n => n.Id == edge.From)?.Name ?? edge.From;
        var to = Map.Nodes.FirstOrDefault(n => n.Id == edge.To)?.Name ?? edge.To;
        var lag = edge.Lag is { } messages ? $", lag {messages:N0}" + (edge.MaxTimeLag is { } time ? $" ({TopologyStyles.Duration(time)})" : "") : "";
        return edge.Kind == TopologyEdgeKind.Produces
            ? $"{from} writes {TopologyStyles.Rate(edge.PerSecond)} to {to}"
            : $"{to} consumes {TopologyStyles.Rate(edge.PerSecond)} from {from}{lag}";
    }
}
