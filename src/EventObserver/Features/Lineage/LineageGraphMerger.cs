using EventObserver.Core.Graphs;

namespace EventObserver.Features.Lineage;

/// <summary>Merges the graph of an expanded node into the one on screen: union by node id and by (from, to, kind).</summary>
public static class LineageGraphMerger
{
    /// <param name="current">The graph on screen; its root stays the root.</param>
    /// <param name="expansion">The walk from <paramref name="expandedId"/>.</param>
    /// <param name="expandedId">The node that was expanded: its old "more" markers are dropped when the new walk has none.</param>
    public static LineageGraph Merge(LineageGraph current, LineageGraph expansion, string expandedId)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(expansion);

        var fresh = expansion.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var nodes = new List<LineageNode>(current.Nodes.Count + expansion.Nodes.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in current.Nodes)
        {
            var staleMore = node.Kind == LineageNodeKind.More
                && !fresh.ContainsKey(node.Id)
                && current.Edges.Any(e => (e.From == node.Id && e.To == expandedId) || (e.To == node.Id && e.From == expandedId));
            if (staleMore)
            {
                continue;
            }

            // A newer count for the same "more" marker, or a message that replaced an unknown: take the fresh one.
            nodes.Add(fresh.TryGetValue(node.Id, out var newer) ? newer : node);
            ids.Add(node.Id);
        }

        foreach (var node in expansion.Nodes)
        {
            if (ids.Add(node.Id))
            {
                nodes.Add(node);
            }
        }

        var edges = new List<LineageEdge>(current.Edges.Count + expansion.Edges.Count);
        var keys = new HashSet<(string, string, LineageEdgeKind)>();
        foreach (var edge in current.Edges.Concat(expansion.Edges))
        {
            if (ids.Contains(edge.From) && ids.Contains(edge.To) && keys.Add((edge.From, edge.To, edge.Kind)))
            {
                edges.Add(edge);
            }
        }

        return new LineageGraph
        {
            RootId = current.RootId,
            Nodes = nodes,
            Edges = edges,
            Truncated = current.Truncated || expansion.Truncated,
            MoreCount = nodes.Where(n => n.Kind == LineageNodeKind.More).Sum(n => n.MoreCount),
            UnresolvedCauses = Unresolved(current, expansion, nodes),
        };
    }

    /// <summary>Both graphs' causes not found, each once, less those the newer read found (the index grows meanwhile).</summary>
    private static IReadOnlyList<string> Unresolved(LineageGraph current, LineageGraph expansion, List<LineageNode> nodes)
    {
        if (current.UnresolvedCauses.Count == 0 && expansion.UnresolvedCauses.Count == 0)
        {
            return [];
        }

        var found = nodes.Where(n => n.Envelope is not null).Select(n => n.Envelope!.MessageId).ToHashSet(StringComparer.Ordinal);
        return [.. current.UnresolvedCauses.Concat(expansion.UnresolvedCauses).Distinct(StringComparer.Ordinal).Where(id => !found.Contains(id))];
    }
}
