namespace EventObserver.Core.Topology;

/// <summary>The three columns of the topology, left to right.</summary>
public enum TopologyNodeKind
{
    Producer = 0,
    Topic = 1,
    Group = 2,
}
