using System.Text.Json;

using EventObserver.Core.Graphs;
using EventObserver.Features.Events;

namespace EventObserver.Api;

/// <summary>Maps a <see cref="LineageGraph"/> to its API shape, reusing the event summary mapping for messages.</summary>
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
            graph.MoreCount);
    }

    public static LineageNodeDto ToNode(LineageNode node)
    {
        if (node.Envelope is not { } envelope)
        {
            return new LineageNodeDto(
                node.Id, Name(node.Kind), null, null, null, null, null, null, null, null, null, null, null, null,
                DeadLetter: false, node.SelfCaused, node.Depth, node.MoreCount, node.Reference);
        }

        var s = EventDtoMapper.ToSummary(envelope);
        return new LineageNodeDto(
            node.Id, Name(node.Kind), s.Topic, s.Partition, s.Offset, s.Timestamp, s.MessageId, s.Type, s.Kind,
            s.CorrelationId, s.CausationId, s.Source, s.Key, envelope.TraceId,
            DeadLetter: envelope.DeadLetterOf is not null, node.SelfCaused, node.Depth, node.MoreCount, node.Reference);
    }

    /// <summary>camelCase like the JSON around it: <c>deadLetter</c>, <c>message</c>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
