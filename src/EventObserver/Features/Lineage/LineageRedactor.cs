using System.Security.Cryptography;
using System.Text;

using EventObserver.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Masking;

namespace EventObserver.Features.Lineage;

/// <summary>
/// What one user may see of a lineage graph. The walk runs on the whole index (so it goes on through messages the user
/// may not read); this turns its answer into the user's: a message on a topic the user may not read becomes a
/// <see cref="LineageNodeKind.Hidden"/> node with nothing of the message (no envelope, no reference) and an opaque id,
/// its edges stay (without latency, which would date it), and every other message is masked when masking applies to
/// the user. An unknown cause only a hidden message names, or a dead letter's missing original on a topic the user may
/// not read, is hidden too: its reference is that message's data. A "more" marker keeps its count and is renamed when
/// its anchor is hidden (its id would carry the anchor's position). A visible message whose cause is hidden has its
/// causation id withheld (<see cref="LineageNode.CauseHidden"/>: it is the hidden message's own id), a visible dead
/// letter of a message on such a topic its origin (<see cref="LineageNode.OriginHidden"/>). Causes not found in the
/// index (<see cref="LineageGraph.UnresolvedCauses"/>) are kept only when a visible message names them.
/// </summary>
/// <remarks>
/// A hidden id is a keyed hash (HMAC-SHA256 with a key drawn at start, never sent) of the node's real id, so it cannot
/// be turned back into a position, yet the same message keeps the same id across answers: an expanded graph merges on
/// the page and a client can join two answers by node id, as it can for visible nodes.
/// </remarks>
public sealed class LineageRedactor(IEventMasker masker)
{
    public const string HiddenPrefix = "hidden/";
    private const string MorePrefix = "more/";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The graph as <paramref name="access"/> may see it; the same instance when nothing applies.</summary>
    /// <param name="graph">The walk over the whole index.</param>
    /// <param name="access">The reader.</param>
    /// <param name="occurrences">
    /// The indexed messages with a message id (<see cref="ILineageSource.FindByMessageId"/>), to tell whether a visible
    /// message's cause outside the graph is on a topic the reader may not read; without it only the graph is consulted.
    /// </param>
    public LineageGraph Redact(LineageGraph graph, UserAccess access, Func<string, IReadOnlyList<EventEnvelope>>? occurrences = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(access);
        var mask = !access.SeesRawValues && masker.HasRules;
        if (access.Topics.IsUnrestricted && !mask)
        {
            return graph;
        }

        var readable = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool CanRead(string topic)
        {
            if (!readable.TryGetValue(topic, out var answer))
            {
                readable[topic] = answer = access.CanRead(topic);
            }

            return answer;
        }

        var hidden = HiddenNodes(graph, CanRead);
        var causes = new HiddenCauses(graph, hidden, CanRead, access.Topics.IsUnrestricted ? null : occurrences);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in hidden)
        {
            ids[id] = OpaqueId(id);
        }

        // Each "more" marker hangs on one edge to its anchor.
        var edgesOfMore = graph.Edges
            .SelectMany(e => new[] { (Node: e.From, Edge: e), (Node: e.To, Edge: e) })
            .Where(x => x.Node.StartsWith(MorePrefix, StringComparison.Ordinal))
            .ToLookup(x => x.Node, x => x.Edge, StringComparer.Ordinal);
        var nodes = new List<LineageNode>(graph.Nodes.Count);
        foreach (var node in graph.Nodes)
        {
            nodes.Add(node switch
            {
                _ when hidden.Contains(node.Id) => new LineageNode { Id = ids[node.Id], Kind = LineageNodeKind.Hidden, Depth = node.Depth },
                { Kind: LineageNodeKind.More } => RenameMore(node, edgesOfMore, hidden, ids),
                { Envelope: { } e } => node with
                {
                    Envelope = mask && masker.AppliesTo(e.Topic) ? masker.Mask(e) : e,
                    CauseHidden = causes.IsHidden(e),
                    OriginHidden = e.DeadLetterOf is { } origin && !CanRead(origin.Topic),
                },
                _ => node,
            });
        }

        string Id(string id) => ids.TryGetValue(id, out var renamed) ? renamed : id;
        var edges = graph.Edges
            .Select(e => new LineageEdge(Id(e.From), Id(e.To), e.Kind, hidden.Contains(e.From) || hidden.Contains(e.To) ? null : e.LatencyMs))
            .ToList();
        return graph with
        {
            RootId = graph.RootId is { } root ? Id(root) : null,
            Nodes = nodes,
            Edges = edges,
            UnresolvedCauses = NamedByVisible(graph, hidden),
        };
    }

    /// <summary>True when the graph shows the user at least one message they may read.</summary>
    public static bool ShowsAMessage(LineageGraph graph) => graph.Nodes.Any(n => n.Kind == LineageNodeKind.Message);

    private static HashSet<string> HiddenNodes(LineageGraph graph, Func<string, bool> canRead)
    {
        var hidden = graph.Nodes
            .Where(n => n.Envelope is { } e && !canRead(e.Topic))
            .Select(n => n.Id)
            .ToHashSet(StringComparer.Ordinal);
        var visibleMessages = graph.Nodes
            .Where(n => n.Kind == LineageNodeKind.Message && !hidden.Contains(n.Id))
            .Select(n => n.Id)
            .ToHashSet(StringComparer.Ordinal);
        var effects = graph.Edges.ToLookup(e => e.From, StringComparer.Ordinal);
        foreach (var unknown in graph.Nodes.Where(n => n.Kind == LineageNodeKind.Unknown))
        {
            // An unknown node is always a cause: the effects that name it are the only ones that know its reference.
            var named = effects[unknown.Id].ToList();
            var namedByVisible = named.Any(e => visibleMessages.Contains(e.To));
            var deniedOrigin = named.Any(e => e.Kind == LineageEdgeKind.DeadLetter)
                && unknown.Reference is { } reference && !canRead(reference.Split('/')[0]);
            if (!namedByVisible || deniedOrigin)
            {
                hidden.Add(unknown.Id);
            }
        }

        return hidden;
    }

    /// <summary>
    /// The causes not found in the index that a visible message names: one named only by hidden messages is that message's
    /// data (like its unknown node, which becomes hidden).
    /// </summary>
    private static IReadOnlyList<string> NamedByVisible(LineageGraph graph, HashSet<string> hidden)
    {
        if (graph.UnresolvedCauses.Count == 0)
        {
            return graph.UnresolvedCauses;
        }

        var named = graph.Nodes
            .Where(n => n.Envelope is { CausationId: not null } && !hidden.Contains(n.Id))
            .Select(n => n.Envelope!.CausationId!)
            .ToHashSet(StringComparer.Ordinal);
        return [.. graph.UnresolvedCauses.Where(named.Contains)];
    }

    /// <summary>A "more" marker's id is <c>more/&lt;anchor id&gt;/up|down</c>: with a hidden anchor it takes the anchor's opaque id.</summary>
    private static LineageNode RenameMore(LineageNode more, ILookup<string, LineageEdge> edgesOf, HashSet<string> hidden, Dictionary<string, string> ids)
    {
        foreach (var edge in edgesOf[more.Id])
        {
            var anchor = edge.From == more.Id ? edge.To : edge.From;
            if (hidden.Contains(anchor) && more.Id.StartsWith(MorePrefix + anchor + "/", StringComparison.Ordinal))
            {
                var renamed = MorePrefix + ids[anchor] + more.Id[(MorePrefix.Length + anchor.Length)..];
                ids[more.Id] = renamed;
                return more with { Id = renamed };
            }
        }

        return more;
    }

    private string OpaqueId(string id)
    {
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(id));
        return HiddenPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
