using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;

namespace EventObserver.Core.Flows;

/// <summary>
/// Builds the living Event Storming board from observed traffic: one sticky per message type and lane
/// (service, else topic), an edge per observed "type A caused type B" with its count and p50/p95 latency,
/// and a lilac policy between an event and the command a service issued in reaction. Causes are
/// found exactly as the lineage graph finds them (causation id, else the order within a correlation,
/// dead letter → original), but only among the messages of the window. One pass, no recursion, so
/// type-level cycles are just edges. Pure: the caller reads the window from the index.
/// </summary>
public sealed class FlowMapBuilder(FlowMapOptions? options = null)
{
    private const int DuplicateLimit = LineageGraphBuilder.DefaultDuplicateLimit;

    private readonly FlowMapOptions _options = options ?? new FlowMapOptions();

    /// <param name="oldestFirst">The messages of the window, oldest first; only the most recent <see cref="FlowMapOptions.MaxEvents"/> are used.</param>
    /// <param name="from">Start of the window (for the answer).</param>
    /// <param name="to">End of the window (for the answer).</param>
    /// <param name="projections">Saved projections to draw next to the event types they handle.</param>
    /// <param name="alreadyCapped">The caller already left older messages of the window out.</param>
    public FlowMap Build(
        IEnumerable<EventEnvelope> oldestFirst,
        DateTimeOffset from,
        DateTimeOffset to,
        IEnumerable<FlowProjection>? projections = null,
        bool alreadyCapped = false)
    {
        ArgumentNullException.ThrowIfNull(oldestFirst);
        var recent = new RecentEnvelopes(Math.Max(1, _options.MaxEvents));
        foreach (var envelope in oldestFirst)
        {
            recent.Add(envelope);
        }

        var window = recent.OldestFirst();
        var lanes = new Dictionary<string, FlowLane>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, FlowNodeTally>(StringComparer.Ordinal);
        var nodeOf = new Dictionary<EventEnvelope, FlowNodeTally>(ReferenceEqualityComparer.Instance);
        foreach (var envelope in window)
        {
            var lane = FlowNaming.LaneOf(envelope);
            lanes.TryAdd(lane.Id, lane);
            var id = FlowNaming.NodeIdOf(envelope, lane.Id);
            if (!nodes.TryGetValue(id, out var node))
            {
                node = new FlowNodeTally(id, FlowNaming.TypeOf(envelope), lane.Id, envelope.DeadLetterOf is not null);
                nodes[id] = node;
            }

            node.Add(envelope);
            nodeOf[envelope] = node;
        }

        var links = Link(window, nodeOf);
        var map = Assemble(nodes.Values, links, lanes, projections ?? []);
        return map with
        {
            From = from,
            To = to,
            EventsRead = window.Count,
            Capped = alreadyCapped || recent.Dropped,
            OldestRead = window.Count > 0 && (alreadyCapped || recent.Dropped) ? window[0].Timestamp : null,
        };
    }

    private List<FlowLinkTally> Link(List<EventEnvelope> window, Dictionary<EventEnvelope, FlowNodeTally> nodeOf)
    {
        var timelines = new CorrelationTimelines(NoLineageSource.Instance, int.MaxValue);
        foreach (var conversation in window.Where(e => !string.IsNullOrEmpty(e.CorrelationId)).GroupBy(e => e.CorrelationId!, StringComparer.Ordinal))
        {
            timelines.Seed(conversation.Key, conversation);
        }

        var resolver = new LineageResolver(NoLineageSource.Instance, timelines, DuplicateLimit);
        resolver.Preload(window);

        var links = new Dictionary<(string From, string To, bool DeadLetter), FlowLinkTally>();
        var ordered = new List<FlowLinkTally>();
        foreach (var effect in window)
        {
            // Duplicates of the cause (replays, redeliveries) would count one reaction several times: the oldest stands for them.
            var cause = resolver.CausesOf(effect).FirstOrDefault(r => r.Envelope is not null);
            if (cause.Envelope is not { } causeEnvelope || !nodeOf.TryGetValue(causeEnvelope, out var from))
            {
                continue;
            }

            var to = nodeOf[effect];
            var deadLetter = cause.Kind == LineageEdgeKind.DeadLetter;
            if (!links.TryGetValue((from.Id, to.Id, deadLetter), out var link))
            {
                link = new FlowLinkTally(from, to, deadLetter, _options.MaxExamples);
                links[(from.Id, to.Id, deadLetter)] = link;
                ordered.Add(link);
            }

            link.Add(causeEnvelope, effect, cause.Kind == LineageEdgeKind.Correlation);
        }

        return ordered;
    }

    private static FlowMap Assemble(
        IEnumerable<FlowNodeTally> tallies,
        List<FlowLinkTally> links,
        Dictionary<string, FlowLane> lanes,
        IEnumerable<FlowProjection> projections)
    {
        var reacting = links.Select(l => l.From.Id).ToHashSet(StringComparer.Ordinal);
        var nodes = tallies.Select(t => t.ToNode(unreacted: t.Kind == FlowNodeKind.Event && !reacting.Contains(t.Id))).ToList();
        var edges = new List<FlowEdge>(links.Count);
        foreach (var link in links)
        {
            var (from, to) = (link.From, link.To);
            if (IsPolicy(link))
            {
                var policyId = FlowNaming.PolicyId(from.Id, to.Id);
                var service = lanes[to.Lane].Label;
                nodes.Add(new FlowNode
                {
                    Id = policyId,
                    Kind = FlowNodeKind.Policy,
                    Label = $"{service} policy: whenever {from.Label} then {to.Label}",
                    Lane = to.Lane,
                    Count = link.Count,
                    Trigger = from.Label,
                    Issues = to.Label,
                });
                edges.Add(link.ToEdge(from.Id + "->" + policyId, from.Id, policyId, FlowEdgeKind.IntoPolicy));
                edges.Add(link.ToEdge(policyId + "->" + to.Id, policyId, to.Id, FlowEdgeKind.FromPolicy));
                continue;
            }

            edges.Add(link.ToEdge(
                from.Id + "->" + to.Id + (link.DeadLetter ? "|dead-letter" : ""),
                from.Id,
                to.Id,
                link.DeadLetter ? FlowEdgeKind.DeadLetter : FlowEdgeKind.Flow));
        }

        var laneList = lanes.Values.ToList();
        AttachProjections(projections, nodes, edges, laneList);
        return new FlowMap { Nodes = nodes, Edges = edges, Lanes = laneList };
    }

    /// <summary>
    /// A reaction: an event (not a dead letter) causing a command. As on an Event Storming wall, the reactive rule
    /// gets its own sticky even when the same service emitted the event, because "whenever X then Y" is the
    /// decision a reader looks for.
    /// </summary>
    private static bool IsPolicy(FlowLinkTally link) =>
        !link.DeadLetter && !link.From.DeadLetter && !link.To.DeadLetter
        && link.From.Kind == FlowNodeKind.Event && link.To.Kind == FlowNodeKind.Command;

    private static void AttachProjections(IEnumerable<FlowProjection> projections, List<FlowNode> nodes, List<FlowEdge> edges, List<FlowLane> lanes)
    {
        var byType = nodes
            .Where(n => n.Kind is FlowNodeKind.Event or FlowNodeKind.Message && !n.DeadLetter)
            .ToLookup(n => n.Label, StringComparer.Ordinal);
        var added = false;
        foreach (var projection in projections)
        {
            var handled = projection.HandledTypes.SelectMany(t => byType[t]).ToList();
            if (handled.Count == 0)
            {
                continue;
            }

            var id = FlowNaming.ProjectionId(projection.Name);
            if (nodes.Any(n => n.Id == id))
            {
                continue;
            }

            nodes.Add(new FlowNode { Id = id, Kind = FlowNodeKind.Projection, Label = projection.Name, Lane = FlowNaming.ProjectionLaneId });
            edges.AddRange(handled.Select(n => new FlowEdge { Id = n.Id + "->" + id, From = n.Id, To = id, Kind = FlowEdgeKind.Projection }));
            added = true;
        }

        if (added)
        {
            lanes.Add(new FlowLane(FlowNaming.ProjectionLaneId, "Read models", ByTopic: false));
        }
    }
}
