using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;

namespace EventObserver.Access.Enforcement;

/// <summary>
/// Lineage lookups as one user reads them: messages of denied topics are left out and the rest masked. The counts
/// ("N more" markers) stay the index's: they say how many messages exist, never which.
/// </summary>
internal sealed class AccessFilteredLineage(ILineageSource inner, AccessView view) : ILineageSource
{
    public EventEnvelope? Get(EventPosition position) => view.CanRead(position.Topic) ? view.Show(inner.Get(position)) : null;

    public IReadOnlyList<EventEnvelope> FindByMessageId(string messageId, int limit) => Shown(inner.FindByMessageId(messageId, limit));

    public IReadOnlyList<EventEnvelope> FindByCausationId(string causationId, int limit) => Shown(inner.FindByCausationId(causationId, limit));

    public int CountByCausationId(string causationId) => inner.CountByCausationId(causationId);

    public IReadOnlyList<EventEnvelope> FindByCorrelationId(string correlationId, int limit) => Shown(inner.FindByCorrelationId(correlationId, limit));

    public int CountByCorrelationId(string correlationId) => inner.CountByCorrelationId(correlationId);

    public IReadOnlyList<EventEnvelope> FindDeadLettersOf(EventPosition original, int limit) => Shown(inner.FindDeadLettersOf(original, limit));

    private List<EventEnvelope> Shown(IReadOnlyList<EventEnvelope> found)
    {
        var shown = new List<EventEnvelope>(found.Count);
        foreach (var envelope in found)
        {
            if (view.Show(envelope) is { } visible)
            {
                shown.Add(visible);
            }
        }

        return shown;
    }
}
