using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;

namespace EventObserver.Core.Tests.Graphs;

/// <summary>An indexed, in-memory <see cref="ILineageSource"/> that counts its lookups.</summary>
internal sealed class InMemoryLineageSource : ILineageSource
{
    private readonly Dictionary<EventPosition, EventEnvelope> _byPosition = [];
    private readonly Dictionary<string, List<EventEnvelope>> _byMessageId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EventEnvelope>> _byCausationId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EventEnvelope>> _byCorrelationId = new(StringComparer.Ordinal);
    private readonly Dictionary<EventPosition, List<EventEnvelope>> _byOrigin = [];

    public InMemoryLineageSource(IEnumerable<EventEnvelope> envelopes)
    {
        var ordered = envelopes
            .OrderBy(e => e.TimestampMs)
            .ThenBy(e => e.Topic, StringComparer.Ordinal)
            .ThenBy(e => e.Partition)
            .ThenBy(e => e.Offset);
        foreach (var envelope in ordered)
        {
            _byPosition[new EventPosition(envelope.Topic, envelope.Partition, envelope.Offset)] = envelope;
            Append(_byMessageId, envelope.MessageId, envelope);
            Append(_byCausationId, envelope.CausationId, envelope);
            Append(_byCorrelationId, envelope.CorrelationId, envelope);
            if (envelope.DeadLetterOf is { Partition: { } partition, Offset: { } offset } origin)
            {
                var key = new EventPosition(origin.Topic, partition, offset);
                if (!_byOrigin.TryGetValue(key, out var list))
                {
                    _byOrigin[key] = list = [];
                }

                list.Add(envelope);
            }
        }
    }

    public int Lookups { get; private set; }

    public EventEnvelope? Get(EventPosition position)
    {
        Lookups++;
        return _byPosition.GetValueOrDefault(position);
    }

    public IReadOnlyList<EventEnvelope> FindByMessageId(string messageId, int limit) => Find(_byMessageId, messageId, limit);

    public IReadOnlyList<EventEnvelope> FindByCausationId(string causationId, int limit) => Find(_byCausationId, causationId, limit);

    public int CountByCausationId(string causationId) => Count(_byCausationId, causationId);

    public IReadOnlyList<EventEnvelope> FindByCorrelationId(string correlationId, int limit) =>
        Find(_byCorrelationId, correlationId, limit);

    public int CountByCorrelationId(string correlationId) => Count(_byCorrelationId, correlationId);

    public IReadOnlyList<EventEnvelope> FindDeadLettersOf(EventPosition original, int limit)
    {
        Lookups++;
        return _byOrigin.TryGetValue(original, out var list) ? list.Take(limit).ToList() : [];
    }

    private IReadOnlyList<EventEnvelope> Find(Dictionary<string, List<EventEnvelope>> index, string key, int limit)
    {
        Lookups++;
        return index.TryGetValue(key, out var list) ? list.Take(limit).ToList() : [];
    }

    private int Count(Dictionary<string, List<EventEnvelope>> index, string key)
    {
        Lookups++;
        return index.TryGetValue(key, out var list) ? list.Count : 0;
    }

    private static void Append(Dictionary<string, List<EventEnvelope>> index, string? key, EventEnvelope envelope)
    {
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(envelope);
    }
}
