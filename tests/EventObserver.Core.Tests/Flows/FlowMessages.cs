using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Tests.Flows;

/// <summary>Builds typed messages for flow map tests: offsets count up per topic, timestamps are given in ms.</summary>
internal sealed class FlowMessages
{
    private readonly List<EventEnvelope> _all = [];
    private readonly Dictionary<string, long> _nextOffset = new(StringComparer.Ordinal);

    public IReadOnlyList<EventEnvelope> All => _all;

    public EventEnvelope Command(string id, string type, string? source, long atMs, string? correlation = null, string? causedBy = null, string? topic = null) =>
        Add(id, type, MessageKind.Command, source, atMs, correlation, causedBy, topic ?? (source ?? "misc") + ".commands");

    public EventEnvelope Event(string id, string type, string? source, long atMs, string? correlation = null, string? causedBy = null, string? topic = null) =>
        Add(id, type, MessageKind.Event, source, atMs, correlation, causedBy, topic ?? (source ?? "misc") + ".events");

    public EventEnvelope Add(
        string id,
        string? type,
        MessageKind kind,
        string? source,
        long atMs,
        string? correlation,
        string? causedBy,
        string topic,
        DeadLetterOrigin? deadLetterOf = null)
    {
        var offset = _nextOffset.GetValueOrDefault(topic);
        _nextOffset[topic] = offset + 1;
        var envelope = new EventEnvelope
        {
            Topic = topic,
            Partition = 0,
            Offset = offset,
            TimestampMs = atMs,
            Payload = "{}"u8.ToArray(),
            MessageId = id,
            MessageType = type,
            Kind = kind,
            CorrelationId = correlation,
            CausationId = causedBy,
            Source = source,
            DeadLetterOf = deadLetterOf,
        };
        _all.Add(envelope);
        return envelope;
    }

    /// <summary>The window as the index gives it: oldest first.</summary>
    public IEnumerable<EventEnvelope> OldestFirst() => _all.OrderBy(e => e.TimestampMs).ThenBy(e => e.Topic, StringComparer.Ordinal).ThenBy(e => e.Offset);
}
