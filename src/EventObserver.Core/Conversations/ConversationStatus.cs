namespace EventObserver.Core.Conversations;

/// <summary>Where one conversation (one correlation of one process) stands.</summary>
public enum ConversationStatus
{
    /// <summary>Started, no terminal message yet, not past its deadline.</summary>
    Open = 0,

    /// <summary>A success terminal arrived (possibly late, after it was stuck).</summary>
    Completed = 1,

    /// <summary>A failure terminal, a failure-type message or a dead letter arrived.</summary>
    Failed = 2,

    /// <summary>Open past its process's deadline.</summary>
    Stuck = 3,
}
