namespace EventObserver.Core.Conversations;

/// <summary>The newest message of a correlation, kept without its envelope (names interned).</summary>
internal struct ConversationStepState
{
    public string MessageType;
    public string? Source;
    public string Topic;
    public int Partition;
    public long Offset;
    public string MessageId;
    public long TimestampMs;

    public readonly ConversationStep ToStep() =>
        new(MessageType, Source, Topic, Partition, Offset, MessageId, DateTimeOffset.FromUnixTimeMilliseconds(TimestampMs));
}
