namespace EventObserver.Core.Conversations;

/// <summary>Where a process's effective deadline comes from.</summary>
public enum DeadlineSource
{
    /// <summary>No deadline yet (too few completed conversations to suggest one): nothing becomes stuck.</summary>
    None = 0,

    /// <summary><c>Monitoring:Processes[].Within</c>.</summary>
    Configured = 1,

    /// <summary>Proposed from the observed p99 duration of completed conversations, and applied until one is configured.</summary>
    Suggested = 2,
}
