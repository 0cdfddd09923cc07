namespace EventObserver.Core.Conversations;

/// <summary>One tracked conversation's mutable state (the tracker's lock guards it).</summary>
internal sealed class TrackedConversation
{
    public TrackedConversation(string key, ProcessState process)
    {
        Key = key;
        Process = process;
    }

    public string Key { get; }

    public ProcessState Process { get; set; }

    public ConversationStatus Status;
    public long StartMs;
    public long LastSeenMs;
    public long? EndMs;
    public long? StuckSinceMs;
    public bool Late;
    public int Messages;
    public ConversationStepState Last;

    /// <summary>Its learning trace while the table keeps it (saves a lookup per message).</summary>
    public CorrelationTrace? Trace;

    /// <summary>Interned topic names, usually one to four: an array is smaller than a set.</summary>
    public string[] Topics = [];

    public bool IsLive => Status is ConversationStatus.Open or ConversationStatus.Stuck;
}
