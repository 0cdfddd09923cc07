namespace EventObserver.Core.Conversations;

/// <summary>The read side of conversation tracking, for the page, the API and the metrics. Thread-safe.</summary>
public interface IConversationView
{
    /// <summary>Every known process (configured first, then inferred by volume) with counts over <paramref name="window"/> before <paramref name="now"/>.</summary>
    ConversationsOverview Overview(DateTimeOffset now, TimeSpan window);

    /// <summary>
    /// Conversations of one process, at most <paramref name="limit"/>: stuck oldest first, open newest first,
    /// completed/failed most recently ended first (kept for a bounded recent history only). Null status: stuck, then open.
    /// </summary>
    IReadOnlyList<ConversationInfo> Conversations(string process, ConversationStatus? status, int limit);

    /// <summary>One conversation by key, or null when not tracked (never seen, dropped, or ended long ago).</summary>
    ConversationInfo? Find(string key);
}
