namespace EventObserver.Core.Graphs.Layout;

/// <summary>
/// Layers an acyclic graph: a node's layer is the longest path to it from a root (Kahn's order,
/// iterative). Then every root with successors moves right to just before its nearest successor, so
/// an unknown cause or a "more" marker sits next to the node it belongs to instead of in column 0.
/// </summary>
internal static class LayerAssigner
{
    public static int[] Assign(int nodeCount, int[] source, int[] target, bool[] active)
    {
        var outgoing = Adjacency.Outgoing(nodeCount, source, active);
        var inDegree = new int[nodeCount];
        for (var e = 0; e < source.Length; e++)
        {
            if (active[e])
            {
                inDegree[target[e]]++;
            }
        }

        var isRoot = inDegree.Select(d => d == 0).ToArray();
        var layer = new int[nodeCount];
        var ready = new Queue<int>();
        for (var v = 0; v < nodeCount; v++)
        {
            if (inDegree[v] == 0)
            {
                ready.Enqueue(v);
            }
        }

        while (ready.TryDequeue(out var node))
        {
            foreach (var edge in outgoing[node])
            {
                var next = target[edge];
                layer[next] = Math.Max(layer[next], layer[node] + 1);
                if (--inDegree[next] == 0)
                {
                    ready.Enqueue(next);
                }
            }
        }

        for (var v = 0; v < nodeCount; v++)
        {
            if (isRoot[v] && outgoing[v].Count > 0)
            {
                layer[v] = outgoing[v].Min(e => layer[target[e]]) - 1;
            }
        }

        var lowest = nodeCount == 0 ? 0 : layer.Min();
        for (var v = 0; v < nodeCount; v++)
        {
            layer[v] -= lowest;
        }

        return layer;
    }
}
