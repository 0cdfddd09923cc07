namespace EventObserver.Core.Topology;

public enum TopologyEdgeKind
{
    /// <summary>Producer → topic: the messages it wrote per second over the window.</summary>
    Produces,

    /// <summary>Topic → group: what the group consumed per second at its last refresh.</summary>
    Consumes,
}
