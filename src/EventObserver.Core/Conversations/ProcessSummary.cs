namespace EventObserver.Core.Conversations;

/// <summary>One process with its live counts over a window.</summary>
public sealed record ProcessSummary
{
    public required string Name { get; init; }

    public required string Start { get; init; }

    public IReadOnlyList<string> DoneTypes { get; init; } = [];

    public IReadOnlyList<string> FailedTypes { get; init; } = [];

    /// <summary>Topics the process's messages were seen on, ordinal order (for access checks: a user sees a process only when they may read all of them).</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>From <c>Monitoring:Processes</c> (else inferred from traffic).</summary>
    public bool Configured { get; init; }

    /// <summary>The deadline in force (configured, else suggested); null when none.</summary>
    public TimeSpan? Within { get; init; }

    public DeadlineSource DeadlineSource { get; init; }

    /// <summary>The deadline proposed from the observed p99 duration (shown beside a configured one too).</summary>
    public TimeSpan? SuggestedWithin { get; init; }

    /// <summary>Completed conversations the suggestion is based on.</summary>
    public long SuggestionBasis { get; init; }

    /// <summary>Conversations started within the window.</summary>
    public long Started { get; init; }

    /// <summary>Of those ended within the window: completed and failed.</summary>
    public long Completed { get; init; }

    public long Failed { get; init; }

    /// <summary>
    /// Completed since tracking began (kept across restarts, reset when the monitor starts over on another index),
    /// whatever the window: the Prometheus counters read these. Added for the metrics (conv-monitor).
    /// </summary>
    public long CompletedTotal { get; init; }

    /// <summary>Failed since tracking began, like <see cref="CompletedTotal"/>.</summary>
    public long FailedTotal { get; init; }

    /// <summary>Now: open (not yet past the deadline) and stuck.</summary>
    public long Open { get; init; }

    public long Stuck { get; init; }

    /// <summary>Duration (start → terminal) of conversations completed within the window; null without any.</summary>
    public long? DurationP50Ms { get; init; }

    public long? DurationP95Ms { get; init; }

    /// <summary>Stuck count over the window, oldest first (one point per sample interval).</summary>
    public IReadOnlyList<StuckPoint> StuckOverTime { get; init; } = [];
}
