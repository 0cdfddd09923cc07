using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Tests.Graphs;

/// <summary>Builds envelopes for lineage tests: one message per call, timestamps in call order unless given.</summary>
internal sealed class Messages
{
    private readonly List<EventEnvelope> _all = [];
    private readonly Dictionary<(string, int), long> _nextOffset = [];
    private long _clock = 1_000;

    public IReadOnlyList<EventEnvelope> All => _all;

    public EventEnvelope Add(
        string id,
        string? causedBy = null,
        string? correlation = null,
        string topic = "orders",
        int partition = 0,
        long? timestampMs = null,
        DeadLetterOrigin? deadLetterOf = null)
    {
        _clock += 10;
        var offset = _nextOffset.GetValueOrDefault((topic, partition));
        _nextOffset[(topic, partition)] = offset + 1;
        var envelope = new EventEnvelope
        {
            Topic = topic,
            Partition = partition,
            Offset = offset,
            TimestampMs = timestampMs ?? _clock,
            MessageId = id,
            CausationId = causedBy,
            CorrelationId = correlation,
            DeadLetterOf = deadLetterOf,
            MessageType = id,
        };
        _all.Add(envelope);
        return envelope;
    }

    public InMemoryLineageSource Source() => new(_all);

    public static EventPosition At(EventEnvelope envelope) => new(envelope.Topic, envelope.Partition, envelope.Offset);
}
