namespace EventObserver.Core.Graphs.Layout;

/// <summary>
/// A left-to-right layered (Sugiyama-style) layout: cycles broken by reversing depth-first back
/// edges, layers by longest path (x), order within layers by barycenter sweeps (y), long edges bent
/// through one point pair per crossed layer. Iterative throughout and deterministic: the same input
/// gives the same output. Edges naming unknown nodes are ignored; duplicate node ids keep the first.
/// </summary>
public sealed class LayeredLayout(LayoutOptions? options = null)
{
    private readonly LayoutOptions _options = options ?? new LayoutOptions();

    public GraphLayout Compute(LineageGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Compute(
            graph.Nodes.Select(n => n.Id).ToList(),
            graph.Edges.Select(e => new LayoutEdge(e.From, e.To)).ToList());
    }

    public GraphLayout Compute(IReadOnlyList<string> nodeIds, IReadOnlyList<LayoutEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        ArgumentNullException.ThrowIfNull(edges);

        var ids = new List<string>(nodeIds.Count);
        var index = new Dictionary<string, int>(nodeIds.Count, StringComparer.Ordinal);
        foreach (var id in nodeIds)
        {
            if (id is not null && index.TryAdd(id, ids.Count))
            {
                ids.Add(id);
            }
        }

        var n = ids.Count;
        var from = new int[edges.Count];
        var to = new int[edges.Count];
        var known = new bool[edges.Count];
        var active = new bool[edges.Count];
        for (var e = 0; e < edges.Count; e++)
        {
            known[e] = edges[e].From is not null && edges[e].To is not null
                && index.TryGetValue(edges[e].From, out from[e]) && index.TryGetValue(edges[e].To, out to[e]);
            active[e] = known[e] && from[e] != to[e];
        }

        var reversed = CycleBreaker.FindBackEdges(n, from, to, active);
        var source = new int[edges.Count];
        var target = new int[edges.Count];
        for (var e = 0; e < edges.Count; e++)
        {
            (source[e], target[e]) = reversed[e] ? (to[e], from[e]) : (from[e], to[e]);
        }

        var layers = LayerAssigner.Assign(n, source, target, active);
        var proper = ProperGraph.Build(n, layers, source, target, active, Math.Max(0, _options.MaxBendNodes));
        LayerOrdering.Apply(proper, Math.Max(0, _options.OrderingSweeps));
        var y = CoordinateAssigner.AssignY(proper, _options.NodeHeight + _options.NodeSpacing);

        var placements = new NodePlacement[n];
        for (var v = 0; v < n; v++)
        {
            placements[v] = new NodePlacement(
                ids[v], X(proper.LayerOf(v)), _options.Padding + y[v], _options.NodeWidth, _options.NodeHeight,
                proper.LayerOf(v), proper.Position[v]);
        }

        var routes = new EdgeRoute[edges.Count];
        for (var e = 0; e < edges.Count; e++)
        {
            routes[e] = new EdgeRoute(edges[e].From ?? "", edges[e].To ?? "", reversed[e], Route(e, known, active, from, to, reversed, proper, y));
        }

        var layerCount = proper.Layers.Length;
        var width = n == 0 ? 2 * _options.Padding : X(layerCount - 1) + _options.NodeWidth + _options.Padding;
        var height = (proper.Count == 0 ? 0 : y.Max() + _options.NodeHeight) + 2 * _options.Padding;
        return new GraphLayout(placements, routes, width, height);
    }

    private double X(int layer) => _options.Padding + layer * (_options.NodeWidth + _options.LayerSpacing);

    private List<LayoutPoint> Route(int e, bool[] known, bool[] active, int[] from, int[] to, bool[] reversed, ProperGraph proper, double[] y)
    {
        if (!known[e])
        {
            return [];
        }

        var w = _options.NodeWidth;
        var mid = _options.NodeHeight / 2;
        var pad = _options.Padding;
        if (!active[e])
        {
            // A self-loop: out of the right side, over the top, back in from above.
            var left = X(proper.LayerOf(from[e]));
            var top = pad + y[from[e]];
            var reach = Math.Min(_options.LayerSpacing / 2, 24);
            return
            [
                new(left + w, top + mid), new(left + w + reach, top + mid),
                new(left + w + reach, top - reach), new(left + w / 2, top - reach), new(left + w / 2, top),
            ];
        }

        var (start, end) = reversed[e] ? (to[e], from[e]) : (from[e], to[e]);
        var points = new List<LayoutPoint>(2 + 2 * proper.Bends[e].Count)
        {
            new(X(proper.LayerOf(start)) + w, pad + y[start] + mid),
        };
        foreach (var bend in proper.Bends[e])
        {
            var x = X(proper.LayerOf(bend));
            points.Add(new(x, pad + y[bend] + mid));
            points.Add(new(x + w, pad + y[bend] + mid));
        }

        points.Add(new(X(proper.LayerOf(end)), pad + y[end] + mid));
        if (reversed[e])
        {
            points.Reverse();
        }

        return points;
    }
}
