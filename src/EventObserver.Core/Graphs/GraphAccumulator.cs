using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Graphs;

/// <summary>
/// Collects nodes and edges for one query: each node once, each (from, to, kind) edge once, at most
/// <c>maxNodes</c> message and unknown nodes ("more" markers come on top, at most one per anchor and direction).
/// </summary>
internal sealed class GraphAccumulator(int maxNodes)
{
    private readonly List<LineageNode> _nodes = [];
    private readonly Dictionary<string, LineageNode> _byId = new(StringComparer.Ordinal);
    private readonly List<LineageEdge> _edges = [];
    private readonly HashSet<(string From, string To, LineageEdgeKind Kind)> _edgeKeys = [];
    private readonly List<string> _unresolved = [];
    private readonly HashSet<string> _unresolvedKeys = new(StringComparer.Ordinal);
    private int _counted;
    private int _moreCount;

    public bool Truncated { get; set; }

    public bool IsFull => _counted >= maxNodes;

    public int Remaining => Math.Max(0, maxNodes - _counted);

    public bool Contains(string id) => _byId.ContainsKey(id);

    public void AddMessage(EventEnvelope envelope, int depth) => Add(new LineageNode
    {
        Id = envelope.Id,
        Kind = LineageNodeKind.Message,
        Envelope = envelope,
        Depth = depth,
        SelfCaused = LineageRules.IsSelfCaused(envelope),
    });

    public void AddRelation(Relation relation, int depth)
    {
        if (relation.Envelope is { } envelope)
        {
            AddMessage(envelope, depth);
            return;
        }

        Add(new LineageNode
        {
            Id = relation.NodeId,
            Kind = LineageNodeKind.Unknown,
            Depth = depth,
            Reference = relation.UnknownReference,
        });
    }

    public void AddEdge(string fromId, EventEnvelope? from, string toId, EventEnvelope? to, LineageEdgeKind kind)
    {
        if (!_edgeKeys.Add((fromId, toId, kind)))
        {
            return;
        }

        long? latency = from is not null && to is not null ? to.TimestampMs - from.TimestampMs : null;
        _edges.Add(new LineageEdge(fromId, toId, kind, latency));
    }

    /// <summary>
    /// Remembers a causation id that resolved to nothing, whether or not its unknown node fits: the count of causes not
    /// found must not depend on the node limit.
    /// </summary>
    public void NoteUnresolved(Relation relation)
    {
        if (relation is { Envelope: null, Kind: LineageEdgeKind.Causation, UnknownReference: { } reference } && _unresolvedKeys.Add(reference))
        {
            _unresolved.Add(reference);
        }
    }

    /// <summary>A marker for <paramref name="count"/> neighbours of the anchor that did not fit.</summary>
    public void AddMore(string anchorId, bool towardsCauses, int count, LineageEdgeKind kind, int depth)
    {
        var id = LineageRules.MoreId(anchorId, towardsCauses);
        if (_byId.ContainsKey(id))
        {
            return;
        }

        var node = new LineageNode { Id = id, Kind = LineageNodeKind.More, Depth = depth, MoreCount = count };
        _nodes.Add(node);
        _byId[id] = node;
        _moreCount += count;
        Truncated = true;
        if (towardsCauses)
        {
            AddEdge(id, null, anchorId, null, kind);
        }
        else
        {
            AddEdge(anchorId, null, id, null, kind);
        }
    }

    public LineageGraph ToGraph(string? rootId) => new()
    {
        RootId = rootId,
        Nodes = _nodes,
        Edges = _edges,
        Truncated = Truncated,
        MoreCount = _moreCount,
        UnresolvedCauses = _unresolved,
    };

    private void Add(LineageNode node)
    {
        if (_byId.TryAdd(node.Id, node))
        {
            _nodes.Add(node);
            _counted++;
        }
    }
}
