using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Graphs;

/// <summary>One node of a lineage graph; <see cref="Id"/> is <c>topic/partition/offset</c> for messages.</summary>
public sealed record LineageNode
{
    public required string Id { get; init; }
    public required LineageNodeKind Kind { get; init; }

    /// <summary>The message; null for unknown and "more" nodes.</summary>
    public EventEnvelope? Envelope { get; init; }

    /// <summary>Hops from the start message of the walk; 0 in a correlation graph.</summary>
    public int Depth { get; init; }

    /// <summary>For an unknown node: the message id or dead-letter origin that could not be found.</summary>
    public string? Reference { get; init; }

    /// <summary>For a "more" node: how many neighbours it stands for.</summary>
    public int MoreCount { get; init; }

    /// <summary>The message names itself as its cause; the reference is ignored (many systems mark roots that way).</summary>
    public bool SelfCaused { get; init; }

    /// <summary>
    /// The reader may not see this message's cause: its causation id (which is that message's own id) is withheld
    /// wherever the node is shown. Set when a graph is redacted for one reader, never by the builder.
    /// </summary>
    public bool CauseHidden { get; init; }

    /// <summary>
    /// The reader may not read the topic of this dead letter's original: where it came from is withheld. Set when a graph
    /// is redacted for one reader, never by the builder.
    /// </summary>
    public bool OriginHidden { get; init; }
}
