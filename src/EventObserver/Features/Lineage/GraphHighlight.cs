using EventObserver.Core.Graphs;

namespace EventObserver.Features.Lineage;

/// <summary>
/// The nodes and edges on the path between the root and the selected node, found breadth first over
/// the edges in either direction (the selection may be a cause or an effect of the root).
/// </summary>
public sealed class GraphHighlight
{
    public static readonly GraphHighlight None = new(new HashSet<string>(StringComparer.Ordinal), new HashSet<(string, string)>());

    private GraphHighlight(HashSet<string> nodes, HashSet<(string, string)> edges)
    {
        Nodes = nodes;
        Edges = edges;
    }

    public IReadOnlySet<string> Nodes { get; }

    /// <summary>(from, to) of each edge on the path.</summary>
    public IReadOnlySet<(string From, string To)> Edges { get; }

    public static GraphHighlight PathBetween(LineageGraph graph, string? rootId, string? selectedId)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (rootId is null || selectedId is null)
        {
            return None;
        }

        var neighbours = new Dictionary<string, List<(string Next, LineageEdge Edge)>>(StringComparer.Ordinal);
        foreach (var edge in graph.Edges)
        {
            Add(neighbours, edge.From, edge.To, edge);
            Add(neighbours, edge.To, edge.From, edge);
        }

        var cameFrom = new Dictionary<string, (string Previous, LineageEdge Edge)?>(StringComparer.Ordinal) { [rootId] = null };
        var queue = new Queue<string>([rootId]);
        while (queue.TryDequeue(out var current) && current != selectedId)
        {
            if (!neighbours.TryGetValue(current, out var next))
            {
                continue;
            }

            foreach (var (id, edge) in next)
            {
                if (cameFrom.TryAdd(id, (current, edge)))
                {
                    queue.Enqueue(id);
                }
            }
        }

        if (!cameFrom.ContainsKey(selectedId))
        {
            return None;
        }

        var nodes = new HashSet<string>(StringComparer.Ordinal);
        var edges = new HashSet<(string, string)>();
        for (string? at = selectedId; at is not null;)
        {
            nodes.Add(at);
            var step = cameFrom[at];
            if (step is not { } s)
            {
                break;
            }

            edges.Add((s.Edge.From, s.Edge.To));
            at = s.Previous;
        }

        return new GraphHighlight(nodes, edges);
    }

    private static void Add(Dictionary<string, List<(string, LineageEdge)>> map, string from, string to, LineageEdge edge)
    {
        if (!map.TryGetValue(from, out var list))
        {
            map[from] = list = [];
        }

        list.Add((to, edge));
    }
}
