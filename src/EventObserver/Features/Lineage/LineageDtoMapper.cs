using System.Text.Json;

using EventObserver.Core.Graphs;
using EventObserver.Features.Events;

namespace EventObserver.Features.Lineage;

/// <summary>Maps a <see cref="LineageGraph"/> to its API shape; a message node carries the summary fields of <c>/api/events</c>.</summary>
public static class LineageDtoMapper
{
    public static LineageGraphDto ToDto(LineageGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new LineageGraphDto(
            graph.RootId,
            [.. graph.Nodes.Select(ToNode)],
            [.. graph.Edges.Select(e => new LineageEdgeDto(e.From, e.To, Name(e.Kind), e.LatencyMs))],
            graph.Truncated,
            graph.MoreCount,
            graph.UnresolvedCauses.Count,
            graph.UnresolvedCauses);
    }

    public static LineageNodeDto ToNode(LineageNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Kind == LineageNodeKind.Hidden)
        {
            // Built from the kind alone, so nothing a hidden node might still hold can reach the answer.
            return new LineageNodeDto(
                node.Id, Name(node.Kind), null, null, null, null, null, null, null, null, null, null, null, null,
                DeadLetter: false, SelfCaused: false, node.Depth, MoreCount: 0, Reference: null, Hidden: true);
        }

        if (node.Envelope is not { } e)
        {
            return new LineageNodeDto(
                node.Id, Name(node.Kind), null, null, null, null, null, null, null, null, null, null, null, null,
                DeadLetter: false, node.SelfCaused, node.Depth, node.MoreCount, node.Reference, Hidden: false);
        }

        return new LineageNodeDto(
            node.Id, Name(node.Kind), e.Topic, e.Partition, e.Offset, e.Timestamp, e.MessageId, e.MessageType, e.Kind,
            e.CorrelationId, node.CauseHidden ? null : e.CausationId, e.Source, e.Key, e.TraceId,
            DeadLetter: e.DeadLetterOf is not null, node.SelfCaused, node.Depth, node.MoreCount, node.Reference, Hidden: false);
    }

    /// <summary>camelCase like the JSON around it: <c>deadLetter</c>, <c>message</c>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
