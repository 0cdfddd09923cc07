using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Graphs;

/// <summary>
/// Answers lineage questions from an <see cref="ILineageSource"/>: the causes and effects of one
/// message (breadth first, iterative, each node once, so cycles and 10,000-deep chains are safe),
/// or a whole correlation. Edges always point from cause to effect. Each call keeps its own caches,
/// so one builder may serve concurrent calls when its source can.
/// </summary>
public sealed class LineageGraphBuilder
{
    public const int DefaultCorrelationScanLimit = 10_000;
    public const int DefaultDuplicateLimit = 16;

    private readonly ILineageSource _source;
    private readonly int _correlationScanLimit;
    private readonly int _duplicateLimit;

    /// <param name="source">The index to read from.</param>
    /// <param name="correlationScanLimit">How many messages of a correlation are read to infer links.</param>
    /// <param name="duplicateLimit">How many occurrences of one message id are considered as causes.</param>
    public LineageGraphBuilder(
        ILineageSource source,
        int correlationScanLimit = DefaultCorrelationScanLimit,
        int duplicateLimit = DefaultDuplicateLimit)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(correlationScanLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(duplicateLimit, 1);
        _source = source;
        _correlationScanLimit = correlationScanLimit;
        _duplicateLimit = duplicateLimit;
    }

    /// <summary>
    /// Walks from <paramref name="start"/> up to its causes, down to its effects, or both, at most
    /// <paramref name="maxDepth"/> hops and <paramref name="maxNodes"/> nodes. An empty graph when the
    /// start is not indexed.
    /// </summary>
    public LineageGraph Build(EventPosition start, LineageDirection direction, int maxDepth, int maxNodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);

        var root = _source.Get(start);
        if (root is null)
        {
            return LineageGraph.Empty(start.ToString());
        }

        var resolver = new LineageResolver(_source, new CorrelationTimelines(_source, _correlationScanLimit), _duplicateLimit);
        var graph = new GraphAccumulator(maxNodes);
        graph.AddMessage(root, 0);

        var queue = new Queue<(EventEnvelope Envelope, int Depth, bool TowardsCauses)>();
        if (direction is LineageDirection.Up or LineageDirection.Both)
        {
            queue.Enqueue((root, 0, true));
        }

        if (direction is LineageDirection.Down or LineageDirection.Both)
        {
            queue.Enqueue((root, 0, false));
        }

        while (queue.TryDequeue(out var item))
        {
            if (item.Depth >= maxDepth)
            {
                continue;
            }

            // Probing every queued node once full would cost an index query each; say "truncated" instead.
            if (graph.IsFull)
            {
                graph.Truncated = true;
                break;
            }

            var (relations, total) = item.TowardsCauses
                ? Causes(resolver, item.Envelope)
                : resolver.EffectsOf(item.Envelope, graph.Remaining + 1);
            Link(graph, queue, item.Envelope, relations, total, item.Depth + 1, item.TowardsCauses);
        }

        return graph.ToGraph(root.Id);
    }

    /// <summary>
    /// The conversation <paramref name="correlationId"/>: its oldest <paramref name="maxNodes"/>
    /// messages, their links to each other, and causes outside the correlation while room remains.
    /// </summary>
    public LineageGraph BuildForCorrelation(string correlationId, int maxNodes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);
        if (string.IsNullOrEmpty(correlationId))
        {
            return LineageGraph.Empty(null);
        }

        var fetched = _source.FindByCorrelationId(correlationId, maxNodes + 1).ToList();
        if (fetched.Count == 0)
        {
            return LineageGraph.Empty(null);
        }

        fetched.Sort(EnvelopeOrder.Instance);
        var members = fetched.Count > maxNodes ? fetched.GetRange(0, maxNodes) : fetched;

        var timelines = new CorrelationTimelines(_source, _correlationScanLimit);
        timelines.Seed(correlationId, members);
        var resolver = new LineageResolver(_source, timelines, _duplicateLimit);
        resolver.Preload(members);

        var graph = new GraphAccumulator(maxNodes);
        foreach (var member in members)
        {
            graph.AddMessage(member, 0);
        }

        foreach (var member in members)
        {
            foreach (var cause in resolver.CausesOf(member))
            {
                graph.NoteUnresolved(cause);
                if (!graph.Contains(cause.NodeId))
                {
                    if (graph.IsFull)
                    {
                        graph.Truncated = true;
                        continue;
                    }

                    graph.AddRelation(cause, 1);
                }

                graph.AddEdge(cause.NodeId, cause.Envelope, member.Id, member, cause.Kind);
            }
        }

        if (fetched.Count > maxNodes)
        {
            var left = Math.Max(1, _source.CountByCorrelationId(correlationId) - maxNodes);
            graph.AddMore(members[^1].Id, towardsCauses: false, left, LineageEdgeKind.Correlation, 0);
        }

        return graph.ToGraph(members[0].Id);
    }

    private static (List<Relation> Relations, int Total) Causes(LineageResolver resolver, EventEnvelope effect)
    {
        var causes = resolver.CausesOf(effect);
        return (causes, causes.Count);
    }

    private static void Link(
        GraphAccumulator graph,
        Queue<(EventEnvelope Envelope, int Depth, bool TowardsCauses)> queue,
        EventEnvelope anchor,
        List<Relation> relations,
        int total,
        int depth,
        bool towardsCauses)
    {
        var shown = 0;
        LineageEdgeKind? firstLeftOut = null;
        foreach (var relation in relations)
        {
            graph.NoteUnresolved(relation);
            var id = relation.NodeId;
            if (!graph.Contains(id))
            {
                if (graph.IsFull)
                {
                    firstLeftOut ??= relation.Kind;
                    continue;
                }

                graph.AddRelation(relation, depth);
                if (relation.Envelope is { } next)
                {
                    queue.Enqueue((next, depth, towardsCauses));
                }
            }

            if (towardsCauses)
            {
                graph.AddEdge(id, relation.Envelope, anchor.Id, anchor, relation.Kind);
            }
            else
            {
                graph.AddEdge(anchor.Id, anchor, id, relation.Envelope, relation.Kind);
            }

            shown++;
        }

        var leftOut = total - shown;
        if (leftOut > 0)
        {
            graph.AddMore(anchor.Id, towardsCauses, leftOut, firstLeftOut ?? LineageEdgeKind.Causation, depth);
        }
    }
}
