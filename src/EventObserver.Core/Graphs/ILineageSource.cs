using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Graphs;

/// <summary>
/// What the lineage graph builder needs from the event index. All lookups are synchronous
/// because the index (LiteDB) is; every list is oldest first — by timestamp, then topic,
/// partition and offset — and holds at most <c>limit</c> envelopes.
/// </summary>
public interface ILineageSource
{
    EventEnvelope? Get(EventPosition position);

    /// <summary>Every indexed occurrence of a message id: duplicates, replays and dead-letter copies share one.</summary>
    IReadOnlyList<EventEnvelope> FindByMessageId(string messageId, int limit);

    /// <summary>Messages whose causation id is <paramref name="causationId"/>: the direct effects of that message.</summary>
    IReadOnlyList<EventEnvelope> FindByCausationId(string causationId, int limit);

    /// <summary>How many messages name <paramref name="causationId"/> as their cause; used for "N more" markers.</summary>
    int CountByCausationId(string causationId);

    IReadOnlyList<EventEnvelope> FindByCorrelationId(string correlationId, int limit);

    int CountByCorrelationId(string correlationId);

    /// <summary>Dead-letter messages whose headers point back at <paramref name="original"/>.</summary>
    IReadOnlyList<EventEnvelope> FindDeadLettersOf(EventPosition original, int limit);
}
