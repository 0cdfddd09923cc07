namespace EventObserver.Core.Conversations;

/// <summary>The tracker's snapshot as JSON (the shapes below are its schema; <see cref="Version"/> guards changes).</summary>
internal sealed record ConversationSnapshotModel(
    int Version,
    long Overflowed,
    long MessagesObserved,
    long Ignored,
    long? LastInferenceMs,
    long? LastSampleMs,
    List<SnapshotPosition> Positions,
    List<SnapshotProcess> Processes,
    List<SnapshotConversation> Conversations,
    List<SnapshotTrace> Traces,
    List<SnapshotMessage> Messages,
    List<SnapshotReaction> Reactions)
{
    public const int CurrentVersion = 1;
}

internal sealed record SnapshotPosition(string Topic, int Partition, long Next);

internal sealed record SnapshotProcess(
    string Name,
    string Start,
    bool Configured,
    List<string> Done,
    List<string> Failed,
    List<string> Topics,
    long CompletedTotal,
    long FailedTotal,
    List<long[]> Durations,
    List<long[]> StuckOverTime,
    List<long[]> Window);

internal sealed record SnapshotStep(string Type, string? Source, string Topic, int Partition, long Offset, string MessageId, long TimestampMs)
{
    public static SnapshotStep From(ConversationStepState s) =>
        new(s.MessageType, s.Source, s.Topic, s.Partition, s.Offset, s.MessageId, s.TimestampMs);
}

internal sealed record SnapshotConversation(
    string Key,
    string ProcessStart,
    ConversationStatus Status,
    long StartMs,
    long LastSeenMs,
    long? EndMs,
    long? StuckSinceMs,
    bool Late,
    int Messages,
    SnapshotStep Last,
    List<string> Topics);

internal sealed record SnapshotTrace(
    string Key,
    string FirstType,
    long FirstMs,
    string LastType,
    long LastMs,
    long LastSeenWallMs,
    List<string> Types,
    List<long> TypeFirstMs,
    long? FailureMs,
    int Messages,
    SnapshotStep? Last,
    List<string> Topics,
    bool Assigned);

internal sealed record SnapshotMessage(ulong IdHash, string Key, string Type, string? Source);

internal sealed record SnapshotReaction(string Cause, string Type, string? Source, long Count, string? Topic = null);
