namespace EventObserver.Core.Graphs;

/// <summary>Why one message is linked to another in a lineage graph.</summary>
public enum LineageEdgeKind
{
    /// <summary>The effect names the cause's message id as its causation id.</summary>
    Causation = 0,

    /// <summary>Inferred: the effect has no causation id and follows the cause within their correlation.</summary>
    Correlation = 1,

    /// <summary>The effect is a dead-letter copy of the cause (Spring DLT / Kafka Connect DLQ headers).</summary>
    DeadLetter = 2,
}
