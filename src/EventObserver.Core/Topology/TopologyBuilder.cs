using EventObserver.Core.Flows;
using EventObserver.Core.Graphs.Layout;
using EventObserver.Core.Groups;

namespace EventObserver.Core.Topology;

/// <summary>
/// Builds the topic-level map: producers (the sources seen) → topics → consumer groups. Producer links are weighted by
/// the messages per second each source wrote over the window; group links by what the group consumed per second at its
/// last refresh. Groups get a <see cref="LagLevel"/> from their largest time lag; dead-letter topics are marked the way
/// the flow map recognises them (a name with a dlt/dlq/dead-letter segment) or when they carry dead-letter copies.
/// Laid out with <see cref="LayeredLayout"/> (rows ordered to reduce crossings), then pinned to three columns by kind.
/// Pure and deterministic: the caller has already left out what its user may not read.
/// </summary>
public sealed class TopologyBuilder(TopologyOptions? options = null)
{
    private readonly TopologyOptions _options = options ?? new TopologyOptions();

    public TopologyOptions Options => _options;

    /// <param name="traffic">Producer/topic counts of the window.</param>
    /// <param name="topics">Topics to show even without traffic (the cluster's and the index's).</param>
    /// <param name="groups">The latest consumer-group refresh.</param>
    public TopologyMap Build(TopologyTraffic traffic, IEnumerable<string> topics, ConsumerGroupsSnapshot groups)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(groups);

        var nodes = new Dictionary<string, TopologyNode>(StringComparer.Ordinal);
        var edges = new List<TopologyEdge>();
        var topicTally = new Dictionary<string, (long Count, long DeadLetters)>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            topicTally.TryAdd(topic, (0, 0));
        }

        var produced = new Dictionary<(string Source, string Topic), long>();
        foreach (var count in traffic.Counts)
        {
            var (sum, dead) = topicTally.GetValueOrDefault(count.Topic);
            topicTally[count.Topic] = (sum + count.Count, dead + count.DeadLetters);
            if (!string.IsNullOrWhiteSpace(count.Source) && count.Count > 0)
            {
                var key = (count.Source, count.Topic);
                produced[key] = produced.GetValueOrDefault(key) + count.Count;
            }
        }

        foreach (var group in groups.Groups)
        {
            foreach (var topic in group.Topics)
            {
                topicTally.TryAdd(topic.Topic, (0, 0));
            }
        }

        foreach (var (source, total) in produced.GroupBy(p => p.Key.Source, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(p => p.Value))))
        {
            nodes[ProducerId(source)] = Node(ProducerId(source), TopologyNodeKind.Producer, source) with { Count = total, PerSecond = total / traffic.Seconds };
        }

        foreach (var (topic, (count, dead)) in topicTally)
        {
            nodes[TopicId(topic)] = Node(TopicId(topic), TopologyNodeKind.Topic, topic) with
            {
                Count = count,
                PerSecond = count / traffic.Seconds,
                DeadLetter = dead > 0 || FlowNaming.IsDeadLetterTopic(topic),
            };
        }

        foreach (var ((source, topic), count) in produced.OrderBy(p => p.Key.Source, StringComparer.Ordinal).ThenBy(p => p.Key.Topic, StringComparer.Ordinal))
        {
            edges.Add(new TopologyEdge($"produces:{source}>{topic}", TopologyEdgeKind.Produces, ProducerId(source), TopicId(topic), [])
            {
                PerSecond = count / traffic.Seconds,
            });
        }

        foreach (var group in groups.Groups.GroupBy(g => g.GroupId, StringComparer.Ordinal).Select(g => g.First()))
        {
            AddGroup(group, nodes, edges);
        }

        return Lay(traffic, groups, nodes, edges);
    }

    public static string ProducerId(string source) => "producer:" + source;

    public static string TopicId(string topic) => "topic:" + topic;

    public static string GroupId(string groupId) => "group:" + groupId;

    private void AddGroup(ConsumerGroupStatus group, Dictionary<string, TopologyNode> nodes, List<TopologyEdge> edges)
    {
        var rates = group.Topics.Select(t => t.ConsumedPerSecond).OfType<double>().ToList();
        var maxTimeLag = group.Topics.Count == 0 ? group.MaxTimeLag : group.Topics.Select(t => t.MaxTimeLag).Max();
        nodes[GroupId(group.GroupId)] = Node(GroupId(group.GroupId), TopologyNodeKind.Group, group.GroupId) with
        {
            PerSecond = rates.Count == 0 ? null : rates.Sum(),
            Lag = group.Topics.Count == 0 ? group.TotalLag : group.Topics.Sum(t => t.Lag),
            MaxTimeLag = maxTimeLag,
            LagLevel = _options.LevelOf(maxTimeLag),
            Error = group.Error,
        };
        foreach (var topic in group.Topics.OrderBy(t => t.Topic, StringComparer.Ordinal))
        {
            edges.Add(new TopologyEdge($"consumes:{topic.Topic}>{group.GroupId}", TopologyEdgeKind.Consumes, TopicId(topic.Topic), GroupId(group.GroupId), [])
            {
                PerSecond = topic.ConsumedPerSecond,
                Lag = topic.Lag,
                MaxTimeLag = topic.MaxTimeLag,
            });
        }
    }

    private static TopologyNode Node(string id, TopologyNodeKind kind, string name) => new(id, kind, name, new NodePlacement(id, 0, 0, 0, 0, (int)kind, 0));

    private TopologyMap Lay(TopologyTraffic traffic, ConsumerGroupsSnapshot groups, Dictionary<string, TopologyNode> nodes, List<TopologyEdge> edges)
    {
        var o = _options;
        var ordered = nodes.Values.OrderBy(n => n.Kind).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
        var layered = new LayeredLayout(new LayoutOptions { NodeWidth = o.NodeWidth, NodeHeight = o.NodeHeight, NodeSpacing = o.RowSpacing, LayerSpacing = o.ColumnSpacing, Padding = 0 })
            .Compute(ordered.Select(n => n.Id).ToList(), edges.Select(e => new LayoutEdge(e.From, e.To)).ToList());
        var rowHint = layered.Nodes.ToDictionary(p => p.Id, StringComparer.Ordinal);

        // The layered layout puts a topic nobody writes to in the producers' layer: its rows (which reduce crossings) are
        // kept, its columns replaced by the node's kind, so every producer, topic and group lines up with its peers.
        var placed = new List<TopologyNode>(ordered.Count);
        var rows = 0;
        foreach (var column in ordered.GroupBy(n => n.Kind))
        {
            var row = 0;
            foreach (var node in column.OrderBy(n => rowHint[n.Id].Y).ThenBy(n => rowHint[n.Id].Order).ThenBy(n => n.Name, StringComparer.Ordinal))
            {
                var x = o.Padding + (int)node.Kind * (o.NodeWidth + o.ColumnSpacing);
                var y = o.Padding + row * (o.NodeHeight + o.RowSpacing);
                placed.Add(node with { Placement = new NodePlacement(node.Id, x, y, o.NodeWidth, o.NodeHeight, (int)node.Kind, row) });
                row++;
            }

            rows = Math.Max(rows, row);
        }

        var at = placed.ToDictionary(n => n.Id, n => n.Placement, StringComparer.Ordinal);
        var busiest = edges.Select(e => e.PerSecond ?? 0).DefaultIfEmpty(0).Max();
        var routed = edges.Select(e => e with
        {
            Points = [new(at[e.From].X + o.NodeWidth, at[e.From].Y + o.NodeHeight / 2), new(at[e.To].X, at[e.To].Y + o.NodeHeight / 2)],
            Weight = Weight(e.PerSecond, busiest),
        }).ToList();
        var columns = placed.Count == 0 ? 0 : (int)placed.Max(n => n.Kind) + 1;
        return new TopologyMap
        {
            Nodes = placed,
            Edges = routed,
            From = traffic.From,
            To = traffic.To,
            EventsRead = traffic.EventsRead,
            Capped = traffic.Capped,
            Width = columns == 0 ? 0 : 2 * o.Padding + columns * o.NodeWidth + (columns - 1) * o.ColumnSpacing,
            Height = rows == 0 ? 0 : 2 * o.Padding + rows * o.NodeHeight + (rows - 1) * o.RowSpacing,
            GroupsTakenAt = groups.TakenAt,
            GroupsSource = groups.Source,
            GroupsError = groups.Error,
        };
    }

    /// <summary>Log scale, so a 10/s link next to a 5,000/s one is still visibly thicker than an idle one.</summary>
    private static double Weight(double? perSecond, double busiest) =>
        perSecond is not > 0 || busiest <= 0 ? 0 : Math.Log(1 + perSecond.Value) / Math.Log(1 + busiest);
}
