namespace EventObserver.Core.Graphs.Layout;

/// <summary>
/// Orders the nodes of each layer to reduce edge crossings: barycenter sweeps, alternately left to
/// right and right to left, keeping the order with the fewest crossings seen. Nodes without
/// neighbours on the side being swept keep their slots. Ties break by current position, so the
/// result depends only on the input order.
/// </summary>
internal static class LayerOrdering
{
    public static long Apply(ProperGraph graph, int sweeps)
    {
        var best = Snapshot(graph);
        var bestCrossings = Crossings(graph);
        for (var sweep = 0; sweep < sweeps && bestCrossings > 0; sweep++)
        {
            var rightward = sweep % 2 == 0;
            if (rightward)
            {
                for (var l = 1; l < graph.Layers.Length; l++)
                {
                    SortLayer(graph, graph.Layers[l], graph.Above);
                }
            }
            else
            {
                for (var l = graph.Layers.Length - 2; l >= 0; l--)
                {
                    SortLayer(graph, graph.Layers[l], graph.Below);
                }
            }

            var crossings = Crossings(graph);
            if (crossings < bestCrossings)
            {
                bestCrossings = crossings;
                best = Snapshot(graph);
            }
        }

        for (var l = 0; l < graph.Layers.Length; l++)
        {
            graph.Layers[l].Clear();
            graph.Layers[l].AddRange(best[l]);
        }

        graph.Reindex();
        return bestCrossings;
    }

    /// <summary>
    /// Crossings between each pair of adjacent layers: links taken in (upper, lower) position order,
    /// inversions of the lower ends counted with a Fenwick tree.
    /// </summary>
    public static long Crossings(ProperGraph graph)
    {
        long total = 0;
        var widest = graph.Layers.Length == 0 ? 0 : graph.Layers.Max(l => l.Count);
        var tree = new int[widest + 1];
        var lowers = new List<int>();
        for (var l = 0; l + 1 < graph.Layers.Length; l++)
        {
            Array.Clear(tree, 0, graph.Layers[l + 1].Count + 1);
            var size = graph.Layers[l + 1].Count;
            var seen = 0;
            foreach (var upper in graph.Layers[l])
            {
                lowers.Clear();
                foreach (var lower in graph.Below[upper])
                {
                    lowers.Add(graph.Position[lower]);
                }

                lowers.Sort();
                foreach (var lower in lowers)
                {
                    // Links already counted whose lower end is right of this one cross it.
                    var atOrLeft = 0;
                    for (var i = lower + 1; i > 0; i -= i & -i)
                    {
                        atOrLeft += tree[i];
                    }

                    total += seen - atOrLeft;
                    for (var i = lower + 1; i <= size; i += i & -i)
                    {
                        tree[i]++;
                    }

                    seen++;
                }
            }
        }

        return total;
    }

    private static void SortLayer(ProperGraph graph, List<int> nodes, List<List<int>> neighbours)
    {
        var slots = new List<int>(nodes.Count);
        var movable = new List<(double Key, int Position, int Node)>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            var adjacent = neighbours[nodes[i]];
            if (adjacent.Count == 0)
            {
                continue;
            }

            double sum = 0;
            foreach (var other in adjacent)
            {
                sum += graph.Position[other];
            }

            slots.Add(i);
            movable.Add((sum / adjacent.Count, i, nodes[i]));
        }

        movable.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Position.CompareTo(b.Position));
        for (var k = 0; k < slots.Count; k++)
        {
            nodes[slots[k]] = movable[k].Node;
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            graph.Position[nodes[i]] = i;
        }
    }

    private static List<int>[] Snapshot(ProperGraph graph) =>
        graph.Layers.Select(layer => new List<int>(layer)).ToArray();
}
