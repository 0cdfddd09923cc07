namespace EventObserver.Core.Indexing;

/// <summary>A snapshot of what the index holds, and how much the broker deleted before it was indexed.</summary>
public sealed record IndexStatistics(
    long TotalEvents,
    long FileSizeBytes,
    IReadOnlyDictionary<string, TopicIndexStatistics> Topics,
    long RetentionGaps = 0,
    long MessagesLost = 0)
{
    /// <summary>What an absent index holds: nothing (before the cluster id is known).</summary>
    public static IndexStatistics Empty { get; } = new(0, 0, new Dictionary<string, TopicIndexStatistics>(StringComparer.Ordinal));
}
