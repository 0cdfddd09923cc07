namespace EventObserver.Core.Graphs;

public enum LineageNodeKind
{
    /// <summary>An indexed message; the node carries its envelope.</summary>
    Message = 0,

    /// <summary>A message that is referenced (as a cause or a dead-letter origin) but not in the index.</summary>
    Unknown = 1,

    /// <summary>Stands for neighbours left out because the graph reached its node limit.</summary>
    More = 2,

    /// <summary>
    /// A message on a topic the reader may not read: it keeps its place in the graph (so the conversation's shape stays
    /// visible) but carries nothing of the message, not even a position in its id.
    /// </summary>
    Hidden = 3,
}
