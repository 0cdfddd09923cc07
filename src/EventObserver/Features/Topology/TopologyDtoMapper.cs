using EventObserver.Core.Topology;

namespace EventObserver.Features.Topology;

public static class TopologyDtoMapper
{
    public static TopologyDto ToDto(TopologyMap map, string window)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new TopologyDto(
            window, map.From, map.To, map.EventsRead, map.Capped, map.GroupsSource, map.GroupsError,
            [.. map.Nodes.Select(ToDto)],
            [.. map.Edges.Select(e => new TopologyEdgeDto(
                e.Id, e.Kind == TopologyEdgeKind.Produces ? "produces" : "consumes", e.From, e.To, Round(e.PerSecond), e.Lag, e.MaxTimeLag?.TotalSeconds))]);
    }

    public static string LagLevelName(LagLevel level) => level switch
    {
        LagLevel.Ok => "ok",
        LagLevel.Lagging => "lagging",
        LagLevel.FarBehind => "farBehind",
        _ => "unknown",
    };

    private static TopologyNodeDto ToDto(TopologyNode node) => new(
        node.Id,
        node.Kind switch { TopologyNodeKind.Producer => "producer", TopologyNodeKind.Topic => "topic", _ => "group" },
        node.Name,
        Round(node.PerSecond),
        node.Count,
        node.DeadLetter,
        node.Kind == TopologyNodeKind.Group ? LagLevelName(node.LagLevel) : null,
        node.Lag,
        node.MaxTimeLag?.TotalSeconds,
        node.Error,
        TopologyLinks.Of(node),
        node.Placement.X,
        node.Placement.Y);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
