using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Flows;

/// <summary>
/// Keeps the most recent <c>capacity</c> envelopes of an oldest-first stream, stripped to the fields the flow
/// map needs (no payload, key or headers), so a 200,000-message window stays small in memory.
/// </summary>
internal sealed class RecentEnvelopes(int capacity)
{
    private readonly Queue<EventEnvelope> _kept = new(Math.Min(capacity, 4096));

    public long Seen { get; private set; }

    public bool Dropped => Seen > _kept.Count;

    public void Add(EventEnvelope envelope)
    {
        Seen++;
        if (_kept.Count == capacity)
        {
            _kept.Dequeue();
        }

        _kept.Enqueue(Slim(envelope));
    }

    public List<EventEnvelope> OldestFirst() => [.. _kept];

    private static EventEnvelope Slim(EventEnvelope e) => new()
    {
        Topic = e.Topic,
        Partition = e.Partition,
        Offset = e.Offset,
        TimestampMs = e.TimestampMs,
        MessageId = e.MessageId,
        MessageType = e.MessageType,
        Kind = e.Kind,
        CorrelationId = e.CorrelationId,
        CausationId = e.CausationId,
        Source = e.Source,
        DeadLetterOf = e.DeadLetterOf,
    };
}
