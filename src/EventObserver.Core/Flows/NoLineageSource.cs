using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;

namespace EventObserver.Core.Flows;

/// <summary>
/// The flow map resolves causes only among the messages of its window (preloaded into the resolver): anything
/// the window does not hold is simply not there, so the map never goes back to the index per message.
/// </summary>
internal sealed class NoLineageSource : ILineageSource
{
    public static readonly NoLineageSource Instance = new();

    public EventEnvelope? Get(EventPosition position) => null;

    public IReadOnlyList<EventEnvelope> FindByMessageId(string messageId, int limit) => [];

    public IReadOnlyList<EventEnvelope> FindByCausationId(string causationId, int limit) => [];

    public int CountByCausationId(string causationId) => 0;

    public IReadOnlyList<EventEnvelope> FindByCorrelationId(string correlationId, int limit) => [];

    public int CountByCorrelationId(string correlationId) => 0;

    public IReadOnlyList<EventEnvelope> FindDeadLettersOf(EventPosition original, int limit) => [];
}
