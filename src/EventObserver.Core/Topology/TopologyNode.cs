using EventObserver.Core.Graphs.Layout;

namespace EventObserver.Core.Topology;

/// <summary>
/// One box of the topology and where it goes. <see cref="PerSecond"/>: a producer's writes, a topic's incoming
/// messages over the window, a group's consumption (null when unknown). A group carries its lag (messages, the largest
/// time lag and its <see cref="LagLevel"/>) and the error of its last refresh.
/// </summary>
public sealed record TopologyNode(string Id, TopologyNodeKind Kind, string Name, NodePlacement Placement)
{
    public double? PerSecond { get; init; }

    /// <summary>Messages in the window (producers and topics).</summary>
    public long Count { get; init; }

    /// <summary>A topic that holds dead letters (named so, or carrying dead-letter copies).</summary>
    public bool DeadLetter { get; init; }

    public LagLevel LagLevel { get; init; }

    public long? Lag { get; init; }

    public TimeSpan? MaxTimeLag { get; init; }

    public string? Error { get; init; }
}
