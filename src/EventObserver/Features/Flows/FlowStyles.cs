using System.Globalization;

using EventObserver.Features.Lineage;
using EventObserver.Core.Flows;

namespace EventObserver.Features.Flows;

/// <summary>
/// How the flow map looks: Event Storming colours as CSS classes (wwwroot/css/flows.css: command blue, event orange,
/// policy lilac, projection green, failures red) and the short texts on stickies and edges.
/// </summary>
public static class FlowStyles
{
    public static string NodeClass(FlowNode node)
    {
        var kind = node.Kind switch
        {
            FlowNodeKind.Command => "eo-fl-command",
            FlowNodeKind.Event => "eo-fl-event",
            FlowNodeKind.Policy => "eo-fl-policy",
            FlowNodeKind.Projection => "eo-fl-projection",
            _ => "eo-fl-message",
        };
        return kind + (node.Failure ? " eo-fl-failure" : "") + (node.Unreacted ? " eo-fl-unreacted" : "");
    }

    public static string KindLabel(FlowNode node) => node switch
    {
        { DeadLetter: true } => "dead letter",
        { Kind: FlowNodeKind.Command } => "command",
        { Kind: FlowNodeKind.Event } => "event",
        { Kind: FlowNodeKind.Policy } => "policy",
        { Kind: FlowNodeKind.Projection } => "read model",
        _ => "message",
    };

    public static string EdgeClass(FlowEdge edge)
    {
        var kind = edge.Kind switch
        {
            FlowEdgeKind.IntoPolicy or FlowEdgeKind.FromPolicy => "eo-fl-edge-policy",
            FlowEdgeKind.DeadLetter => "eo-fl-edge-deadletter",
            FlowEdgeKind.Projection => "eo-fl-edge-projection",
            _ => "eo-fl-edge-flow",
        };
        return edge.Count > 0 && edge.Inferred == edge.Count ? kind + " eo-fl-edge-inferred" : kind;
    }

    /// <summary>Edges that carry the numbers; the policy's outgoing edge repeats its incoming one and projections have none.</summary>
    public static bool HasLabel(FlowEdge edge) => edge.Kind is FlowEdgeKind.Flow or FlowEdgeKind.IntoPolicy or FlowEdgeKind.DeadLetter;

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture) + "×";

    public static string Latencies(FlowEdge edge) => edge.P50Ms is null
        ? ""
        : $"p50 {LineageStyles.Latency(edge.P50Ms)} · p95 {LineageStyles.Latency(edge.P95Ms)}";

    public static string Percentile(string name, long? ms) => ms is null ? "" : $"{name} {LineageStyles.Latency(ms)}";

    public static string LaneLabel(FlowLane lane) => lane.ByTopic ? "topic " + lane.Label : LineageStyles.ShortSource(lane.Label);

    public static string LaneLabel(FlowLaneBand band) => band.ByTopic ? "topic " + band.Label : LineageStyles.ShortSource(band.Label);

    /// <summary>Up to three short lines under a sticky's title.</summary>
    public static IReadOnlyList<string> Lines(FlowNode node) => node.Kind switch
    {
        FlowNodeKind.Policy => [
            LineageStyles.ShortSource(PolicyOwner(node)) + " policy",
            "whenever " + node.Trigger,
            "then " + node.Issues],
        FlowNodeKind.Projection => ["saved projection"],
        _ => [Count(node.Count) + " in window", string.Join(", ", node.Topics)],
    };

    /// <summary>The sticky's headline: the type name (a policy shows its lines instead).</summary>
    public static string Title(FlowNode node) => node.Kind == FlowNodeKind.Policy ? "" : node.Label;

    public static string EdgeTitle(FlowMap map, FlowEdge edge)
    {
        var from = map.Nodes.FirstOrDefault(n => n.Id == edge.From);
        var to = map.Nodes.FirstOrDefault(n => n.Id == edge.To);
        if (edge.Kind == FlowEdgeKind.IntoPolicy && to is { Kind: FlowNodeKind.Policy })
        {
            return $"{to.Trigger} → policy → {to.Issues}";
        }

        if (edge.Kind == FlowEdgeKind.FromPolicy && from is { Kind: FlowNodeKind.Policy })
        {
            return $"{from.Trigger} → policy → {from.Issues}";
        }

        return $"{from?.Label ?? edge.From} → {to?.Label ?? edge.To}";
    }

    /// <summary>Where an example leads: its conversation's lineage, else the lineage of the message itself.</summary>
    public static string ExampleHref(FlowExample example) => example.CorrelationId is { } correlation
        ? "lineage?correlation=" + Uri.EscapeDataString(correlation)
        : "lineage?event=" + Uri.EscapeDataString(example.EventId);

    private static string PolicyOwner(FlowNode node)
    {
        var label = node.Label;
        var end = label.IndexOf(" policy:", StringComparison.Ordinal);
        return end > 0 ? label[..end] : label;
    }
}
