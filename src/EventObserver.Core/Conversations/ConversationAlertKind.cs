namespace EventObserver.Core.Conversations;

public enum ConversationAlertKind
{
    /// <summary>A conversation passed its deadline.</summary>
    Stuck = 0,

    /// <summary>A conversation that had been reported stuck completed or failed.</summary>
    Resolved = 1,
}
