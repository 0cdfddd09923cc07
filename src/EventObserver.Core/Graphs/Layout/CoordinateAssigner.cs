namespace EventObserver.Core.Graphs.Layout;

/// <summary>
/// Vertical positions within the fixed layer order: each node is pulled towards the mean of its
/// neighbours in the previous layer (alternating direction), then the layer is made non-overlapping by
/// averaging a push-down and a push-up pass, which keeps every gap at least one pitch and the order intact.
/// </summary>
internal static class CoordinateAssigner
{
    private const int Passes = 4;

    public static double[] AssignY(ProperGraph graph, double pitch)
    {
        var y = new double[graph.Count];
        for (var v = 0; v < graph.Count; v++)
        {
            y[v] = graph.Position[v] * pitch;
        }

        for (var pass = 0; pass < Passes; pass++)
        {
            if (pass % 2 == 0)
            {
                for (var l = 1; l < graph.Layers.Length; l++)
                {
                    Place(graph.Layers[l], graph.Above, y, pitch);
                }
            }
            else
            {
                for (var l = graph.Layers.Length - 2; l >= 0; l--)
                {
                    Place(graph.Layers[l], graph.Below, y, pitch);
                }
            }
        }

        var top = graph.Count == 0 ? 0 : y.Min();
        for (var v = 0; v < y.Length; v++)
        {
            y[v] -= top;
        }

        return y;
    }

    private static void Place(List<int> nodes, List<List<int>> neighbours, double[] y, double pitch)
    {
        var count = nodes.Count;
        if (count == 0)
        {
            return;
        }

        var desired = new double[count];
        for (var i = 0; i < count; i++)
        {
            var adjacent = neighbours[nodes[i]];
            if (adjacent.Count == 0)
            {
                desired[i] = y[nodes[i]];
                continue;
            }

            double sum = 0;
            foreach (var other in adjacent)
            {
                sum += y[other];
            }

            desired[i] = sum / adjacent.Count;
        }

        var down = new double[count];
        var up = new double[count];
        down[0] = desired[0];
        for (var i = 1; i < count; i++)
        {
            down[i] = Math.Max(desired[i], down[i - 1] + pitch);
        }

        up[count - 1] = desired[count - 1];
        for (var i = count - 2; i >= 0; i--)
        {
            up[i] = Math.Min(desired[i], up[i + 1] - pitch);
        }

        for (var i = 0; i < count; i++)
        {
            y[nodes[i]] = (down[i] + up[i]) / 2;
        }
    }
}
