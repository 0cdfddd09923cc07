using EventObserver.Core.Flows;
using EventObserver.Features.Lineage;

namespace EventObserver.Features.Flows;

/// <summary>Maps a <see cref="FlowMap"/> to its API shape; kinds in camelCase like the lineage API.</summary>
public static class FlowDtoMapper
{
    public static FlowMapDto ToDto(FlowMap map, string window)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new FlowMapDto(
            [.. map.Nodes.Select(n => new FlowNodeDto(
                n.Id, LineageDtoMapper.Name(n.Kind), n.Label, n.Lane, n.Count, n.Topics, n.Failure, n.DeadLetter, n.Unreacted, n.Trigger, n.Issues))],
            [.. map.Edges.Select(e => new FlowEdgeDto(
                e.Id, e.From, e.To, LineageDtoMapper.Name(e.Kind), e.Count, e.Inferred, e.P50Ms, e.P95Ms,
                [.. e.Examples.Select(x => new FlowExampleDto(x.CorrelationId, x.EventId, x.LatencyMs, DateTimeOffset.FromUnixTimeMilliseconds(x.TimestampMs)))]))],
            [.. map.Lanes.Select(l => new FlowLaneDto(l.Id, l.Label, l.ByTopic))],
            window,
            map.From,
            map.To,
            map.EventsRead,
            map.Capped,
            map.OldestRead);
    }
}
