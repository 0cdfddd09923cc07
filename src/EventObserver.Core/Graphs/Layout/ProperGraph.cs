namespace EventObserver.Core.Graphs.Layout;

/// <summary>
/// The layered graph with a bend node on every layer a long edge crosses, so each link joins two
/// adjacent layers. Nodes 0..RealCount-1 are the input nodes; bend nodes follow, per edge in order.
/// </summary>
internal sealed class ProperGraph
{
    private readonly List<int> _layerOf;

    private ProperGraph(int realCount, int[] layers)
    {
        RealCount = realCount;
        _layerOf = [.. layers];
        Above = [];
        Below = [];
        for (var v = 0; v < realCount; v++)
        {
            Above.Add([]);
            Below.Add([]);
        }
    }

    public int RealCount { get; }

    public int Count => _layerOf.Count;

    /// <summary>Neighbours in the layer to the left (causes side).</summary>
    public List<List<int>> Above { get; }

    /// <summary>Neighbours in the layer to the right.</summary>
    public List<List<int>> Below { get; }

    /// <summary>Per input edge: its bend nodes from source layer to target layer (empty when none).</summary>
    public List<int>[] Bends { get; private set; } = [];

    /// <summary>Node ids per layer, in their current order.</summary>
    public List<int>[] Layers { get; private set; } = [];

    /// <summary>Each node's index within its layer.</summary>
    public int[] Position { get; private set; } = [];

    public int LayerOf(int node) => _layerOf[node];

    public static ProperGraph Build(int realCount, int[] layer, int[] source, int[] target, bool[] active, int bendBudget)
    {
        var graph = new ProperGraph(realCount, layer);
        graph.Bends = new List<int>[source.Length];
        var bendsLeft = bendBudget;
        for (var e = 0; e < source.Length; e++)
        {
            graph.Bends[e] = [];
            if (!active[e])
            {
                continue;
            }

            var span = layer[target[e]] - layer[source[e]];
            if (span == 1)
            {
                graph.Link(source[e], target[e]);
            }
            else if (span > 1 && span - 1 <= bendsLeft)
            {
                bendsLeft -= span - 1;
                var previous = source[e];
                for (var step = 1; step < span; step++)
                {
                    var bend = graph.AddBend(layer[source[e]] + step);
                    graph.Bends[e].Add(bend);
                    graph.Link(previous, bend);
                    previous = bend;
                }

                graph.Link(previous, target[e]);
            }
        }

        graph.IndexLayers();
        return graph;
    }

    public void Reindex()
    {
        foreach (var nodes in Layers)
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                Position[nodes[i]] = i;
            }
        }
    }

    private int AddBend(int layer)
    {
        _layerOf.Add(layer);
        Above.Add([]);
        Below.Add([]);
        return _layerOf.Count - 1;
    }

    private void Link(int upper, int lower)
    {
        Below[upper].Add(lower);
        Above[lower].Add(upper);
    }

    private void IndexLayers()
    {
        var layerCount = Count == 0 ? 0 : _layerOf.Max() + 1;
        Layers = new List<int>[layerCount];
        for (var l = 0; l < layerCount; l++)
        {
            Layers[l] = [];
        }

        for (var v = 0; v < Count; v++)
        {
            Layers[_layerOf[v]].Add(v);
        }

        Position = new int[Count];
        Reindex();
    }
}
