using EventObserver.Core.Topology;

namespace EventObserver.Features.Topology;

/// <summary>Where a node of the topology leads (relative to the app's base): a topic's page, a group's page, the feed filtered by a producer.</summary>
public static class TopologyLinks
{
    public static string Of(TopologyNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Kind switch
        {
            TopologyNodeKind.Topic => "topics/" + Uri.EscapeDataString(node.Name),
            TopologyNodeKind.Group => "groups/" + Uri.EscapeDataString(node.Name),
            _ => "./?source=" + Uri.EscapeDataString(node.Name),
        };
    }
}
