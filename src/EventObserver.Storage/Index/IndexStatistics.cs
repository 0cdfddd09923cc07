namespace EventObserver.Storage.Index;

/// <summary>A snapshot of what the index holds.</summary>
public sealed record IndexStatistics(
    long TotalEvents,
    long FileSizeBytes,
    IReadOnlyDictionary<string, TopicIndexStatistics> Topics);
