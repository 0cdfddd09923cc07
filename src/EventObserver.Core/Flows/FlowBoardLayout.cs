using EventObserver.Core.Graphs.Layout;

namespace EventObserver.Core.Flows;

/// <summary>
/// Lays a <see cref="FlowMap"/> out as a board: columns from <see cref="LayeredLayout"/> (left to right, cycles
/// broken, crossings reduced), rows regrouped so every lane is one horizontal band. Lanes go top to bottom in the
/// order the process reaches them (earliest column first); within a lane and column, stickies keep the layered
/// order. Deterministic: the same map gives the same board.
/// </summary>
public sealed class FlowBoardLayout(FlowBoardOptions? options = null)
{
    private readonly FlowBoardOptions _options = options ?? new FlowBoardOptions();

    public FlowBoard Compute(FlowMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.Nodes.Count == 0)
        {
            return FlowBoard.Empty;
        }

        var o = _options;
        var layered = new LayeredLayout(new LayoutOptions
        {
            NodeWidth = o.NodeWidth,
            NodeHeight = o.NodeHeight,
            LayerSpacing = o.LayerSpacing,
            NodeSpacing = o.NodeSpacing,
            Padding = 0,
        }).Compute(map.Nodes.Select(n => n.Id).ToList(), map.Edges.Select(e => new LayoutEdge(e.From, e.To)).ToList());
        var layerOf = layered.Nodes.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var laneOf = map.Nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Lane, StringComparer.Ordinal);

        var lanes = OrderLanes(map, layerOf);
        var placements = new Dictionary<string, NodePlacement>(StringComparer.Ordinal);
        var bands = new List<FlowLaneBand>(lanes.Count);
        var y = o.Padding;
        foreach (var lane in lanes)
        {
            var members = layered.Nodes.Where(p => laneOf.GetValueOrDefault(p.Id) == lane.Id).ToList();
            var rows = 1;
            foreach (var column in members.GroupBy(p => p.Layer))
            {
                var row = 0;
                foreach (var p in column.OrderBy(p => p.Y).ThenBy(p => p.Order))
                {
                    placements[p.Id] = p with
                    {
                        X = X(p.Layer),
                        Y = y + o.LaneHeader + row * (o.NodeHeight + o.NodeSpacing),
                    };
                    row++;
                }

                rows = Math.Max(rows, row);
            }

            var height = o.LaneHeader + rows * o.NodeHeight + (rows - 1) * o.NodeSpacing + o.LanePadding;
            bands.Add(new FlowLaneBand(lane.Id, lane.Label, lane.ByTopic, y, height));
            y += height;
        }

        var columns = layered.Nodes.Count == 0 ? 0 : layered.Nodes.Max(p => p.Layer) + 1;
        var width = X(columns - 1) + o.NodeWidth + o.Padding;
        var nodes = layered.Nodes.Select(p => placements.GetValueOrDefault(p.Id) ?? p).ToList();
        var fanOut = map.Edges.GroupBy(e => e.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var fanIn = map.Edges.GroupBy(e => e.To, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var routes = map.Edges.Select(e => Route(e, placements, fanOut[e.From], fanIn[e.To])).ToList();
        return new FlowBoard(nodes, routes, bands, width, y + o.Padding);
    }

    private double X(int layer) => _options.Padding + Math.Max(0, layer) * (_options.NodeWidth + _options.LayerSpacing);

    /// <summary>
    /// Where the label of a forward edge goes: on its S-curve, towards the end where edges spread apart (near the
    /// targets when one sticky fans out, near the sources when many meet), kept inside the gap between columns.
    /// </summary>
    private LayoutPoint LabelOnCurve(LayoutPoint a, LayoutPoint b, int fanOut, int fanIn)
    {
        var t = fanOut > fanIn ? 0.72 : fanIn > fanOut ? 0.28 : 0.5;
        var x = Bezier(a.X, a.X + (b.X - a.X) / 2, b.X - (b.X - a.X) / 2, b.X, t);
        var y = Bezier(a.Y, a.Y, b.Y, b.Y, t);
        var half = _options.LabelWidth / 2 + 3;
        if (b.X - a.X >= 2 * half)
        {
            x = Math.Clamp(x, a.X + half, b.X - half);
        }

        return new LayoutPoint(x, y);
    }

    private static double Bezier(double p0, double p1, double p2, double p3, double t)
    {
        var u = 1 - t;
        return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
    }

    /// <summary>
    /// Lanes in the order the process reaches them; lanes without any linked sticky after them, read models last;
    /// lanes no node uses are left out.
    /// </summary>
    private static List<FlowLane> OrderLanes(FlowMap map, Dictionary<string, NodePlacement> layerOf)
    {
        // Lanes whose stickies take part in no link (a legacy job, an untyped audit stream) go under the process, so
        // the board opens on the flow rather than on bands of loose stickies that all sit in the first column.
        var linked = map.Edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet(StringComparer.Ordinal);
        var linkedLanes = map.Nodes.Where(n => linked.Contains(n.Id)).Select(n => n.Lane).ToHashSet(StringComparer.Ordinal);
        var used = map.Nodes
            .Where(n => layerOf.ContainsKey(n.Id))
            .GroupBy(n => n.Lane, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (MinLayer: g.Min(n => layerOf[n.Id].Layer), MeanY: g.Average(n => layerOf[n.Id].Y)),
                StringComparer.Ordinal);
        return map.Lanes
            .Where(l => used.ContainsKey(l.Id))
            .OrderBy(l => l.Id == FlowNaming.ProjectionLaneId ? 2 : linkedLanes.Contains(l.Id) ? 0 : 1)
            .ThenBy(l => used[l.Id].MinLayer)
            .ThenBy(l => used[l.Id].MeanY)
            .ThenBy(l => l.Id, StringComparer.Ordinal)
            .ToList();
    }

    private FlowEdgeRoute Route(FlowEdge edge, Dictionary<string, NodePlacement> placements, int fanOut, int fanIn)
    {
        if (!placements.TryGetValue(edge.From, out var a) || !placements.TryGetValue(edge.To, out var b))
        {
            return new FlowEdgeRoute(edge.Id, [], new LayoutPoint(0, 0), Backward: false);
        }

        var start = new LayoutPoint(a.X + a.Width, a.Y + a.Height / 2);
        var end = new LayoutPoint(b.X, b.Y + b.Height / 2);
        if (b.X > a.X)
        {
            return new FlowEdgeRoute(edge.Id, [start, end], LabelOnCurve(start, end, fanOut, fanIn), Backward: false);
        }

        // Back to an earlier column (or a loop): out to the right, under both stickies, in from the left.
        var reach = Math.Min(_options.LayerSpacing / 3, 28);
        var below = Math.Max(a.Y + a.Height, b.Y + b.Height) + _options.NodeSpacing / 2 + 4;
        LayoutPoint[] points = [start, new(start.X + reach, below), new(end.X - reach, below), end];
        return new FlowEdgeRoute(edge.Id, points, new LayoutPoint((points[1].X + points[2].X) / 2, below), Backward: true);
    }
}
