using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Conventions;

/// <summary>One message that breaks a rule: enough to name it and open its detail.</summary>
public sealed record ConventionExample(string? Type, string Topic, int Partition, long Offset, long TimestampMs)
{
    public string Id => EventPosition.Format(Topic, Partition, Offset);

    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeMilliseconds(TimestampMs);

    public static ConventionExample Of(EventEnvelope envelope) =>
        new(string.IsNullOrWhiteSpace(envelope.MessageType) ? null : envelope.MessageType, envelope.Topic, envelope.Partition, envelope.Offset, envelope.TimestampMs);
}
