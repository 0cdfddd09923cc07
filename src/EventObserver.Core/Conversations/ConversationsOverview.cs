namespace EventObserver.Core.Conversations;

/// <summary>Everything the conversations page shows at the top: the processes and the tracker's own state.</summary>
public sealed record ConversationsOverview
{
    public IReadOnlyList<ProcessSummary> Processes { get; init; } = [];

    /// <summary>Open and stuck conversations held in memory now.</summary>
    public long Tracked { get; init; }

    /// <summary><c>Monitoring:MaxOpenConversations</c>.</summary>
    public int Capacity { get; init; }

    /// <summary>Open conversations dropped (oldest first) because the cap was reached, since the start of tracking.</summary>
    public long Overflowed { get; init; }

    /// <summary>Correlations seen that belong to no known process yet (still learning, or other traffic).</summary>
    public long Unassigned { get; init; }

    /// <summary>Messages observed since tracking began (across restarts).</summary>
    public long MessagesObserved { get; init; }
}
