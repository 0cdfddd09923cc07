namespace EventObserver.Core.Conversations;

/// <summary>One tracked conversation: a correlation of one process.</summary>
public sealed record ConversationInfo
{
    /// <summary>The correlation id (or, with no correlation id, the start message's id).</summary>
    public required string Key { get; init; }

    public required string Process { get; init; }

    public required ConversationStatus Status { get; init; }

    /// <summary>The start message's timestamp (the earliest message when messages arrived out of order).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The newest message's timestamp.</summary>
    public required DateTimeOffset LastSeenAt { get; init; }

    /// <summary>When the terminal message was written (completed or failed), else null.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>StartedAt + the effective deadline; null when the process has none.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>When it was found stuck (kept after a late completion).</summary>
    public DateTimeOffset? StuckSince { get; init; }

    /// <summary>Completed after it had been stuck.</summary>
    public bool LateCompletion { get; init; }

    public int Messages { get; init; }

    /// <summary>The newest message (by timestamp).</summary>
    public required ConversationStep Last { get; init; }

    /// <summary>What the traffic usually does after <see cref="Last"/>; null when nothing was learned.</summary>
    public ExpectedReaction? Expected { get; init; }

    /// <summary>Topics of the conversation's messages (for access checks), ordinal order.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>
    /// "Where it stopped" in words: "ShipOrder never answered by shipping-service" when a reaction is expected,
    /// else "stopped after ShipOrder".
    /// </summary>
    public string WhereStopped => Expected is { } next
        ? $"{Last.MessageType} never answered by {next.Answerer}"
        : $"stopped after {Last.MessageType}";
}
