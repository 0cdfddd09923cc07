namespace EventObserver.Core.Graphs;

/// <summary>Which way a lineage walk goes from its start message.</summary>
public enum LineageDirection
{
    /// <summary>Towards the causes (ancestors).</summary>
    Up = 0,

    /// <summary>Towards the effects (descendants).</summary>
    Down = 1,

    /// <summary>Ancestors and descendants of the start message (not the siblings of its ancestors).</summary>
    Both = 2,
}
