using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Storage.ChunkStore;
using EventObserver.Storage.Index;

namespace EventObserver.Storage.Lineage;

/// <summary>
/// Answers <see cref="ILineageSource"/> from a <see cref="LiteDbEventIndex"/>: each lookup probes
/// the in-memory bloom filters of every chunk, scans the few candidate chunks in place (recently
/// read chunks come from a cache) and decodes only the matches within the limit. Lists are oldest
/// first (timestamp, topic, partition, offset); counts are exact. Dead letters are found through
/// the bloom filter, which holds the original position (<c>topic/partition/offset</c>) of every
/// dead-letter copy whose headers give one. Thread-safe, like the index.
/// </summary>
public sealed class IndexLineageSource : ILineageSource
{
    private readonly LiteDbEventIndex _index;

    public IndexLineageSource(LiteDbEventIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
    }

    public EventEnvelope? Get(EventPosition position) =>
        position.Topic is null ? null : _index.Get(position.Topic, position.Partition, position.Offset);

    public IReadOnlyList<EventEnvelope> FindByMessageId(string messageId, int limit) =>
        Find(LookupField.MessageId, messageId, limit);

    public IReadOnlyList<EventEnvelope> FindByCausationId(string causationId, int limit) =>
        Find(LookupField.CausationId, causationId, limit);

    public int CountByCausationId(string causationId) => Count(LookupField.CausationId, causationId);

    public IReadOnlyList<EventEnvelope> FindByCorrelationId(string correlationId, int limit) =>
        Find(LookupField.CorrelationId, correlationId, limit);

    public int CountByCorrelationId(string correlationId) => Count(LookupField.CorrelationId, correlationId);

    public IReadOnlyList<EventEnvelope> FindDeadLettersOf(EventPosition original, int limit) =>
        original.Topic is null ? [] : _index.Lookup.Find(LookupTarget.ForDeadLettersOf(original), limit);

    private List<EventEnvelope> Find(LookupField field, string id, int limit) =>
        string.IsNullOrEmpty(id) ? [] : _index.Lookup.Find(LookupTarget.ForId(field, id), limit);

    private int Count(LookupField field, string id) =>
        string.IsNullOrEmpty(id) ? 0 : _index.Lookup.Count(LookupTarget.ForId(field, id));
}
