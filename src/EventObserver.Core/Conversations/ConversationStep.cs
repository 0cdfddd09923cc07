namespace EventObserver.Core.Conversations;

/// <summary>One message of a conversation as the monitor keeps it (no payload): enough to name and link it.</summary>
public sealed record ConversationStep(
    string MessageType,
    string? Source,
    string Topic,
    int Partition,
    long Offset,
    string MessageId,
    DateTimeOffset Timestamp)
{
    /// <summary>The event id used by pages and the API (<c>topic/partition/offset</c> form of EventPosition).</summary>
    public string EventId => Envelopes.EventPosition.Format(Topic, Partition, Offset);
}
