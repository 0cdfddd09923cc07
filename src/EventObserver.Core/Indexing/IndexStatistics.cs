namespace EventObserver.Core.Indexing;

/// <summary>A snapshot of what the index holds, and how much the broker deleted before it was indexed.</summary>
public sealed record IndexStatistics(
    long TotalEvents,
    long FileSizeBytes,
    IReadOnlyDictionary<string, TopicIndexStatistics> Topics,
    long RetentionGaps = 0,
    long MessagesLost = 0);
