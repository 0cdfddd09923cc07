namespace EventObserver.Core.Indexing;

/// <summary>A snapshot of what the index holds, and how much the broker deleted before it was indexed.</summary>
/// <param name="TotalEvents">Events in the index.</param>
/// <param name="FileSizeBytes">The index file's size on disk: it grows with the events and never jumps back.</param>
/// <param name="Topics">Figures per topic.</param>
/// <param name="RetentionGaps">Retention gaps recorded.</param>
/// <param name="MessagesLost">Messages the gaps span.</param>
/// <param name="LogSizeBytes">
/// The storage's write-ahead log next to the file, if it keeps one: recent writes not yet folded into the file. It
/// grows with every commit and empties at each checkpoint, so it is shown apart rather than added to the file's size.
/// </param>
public sealed record IndexStatistics(
    long TotalEvents,
    long FileSizeBytes,
    IReadOnlyDictionary<string, TopicIndexStatistics> Topics,
    long RetentionGaps = 0,
    long MessagesLost = 0,
    long LogSizeBytes = 0)
{
    /// <summary>What an absent index holds: nothing (before the cluster id is known).</summary>
    public static IndexStatistics Empty { get; } = new(0, 0, new Dictionary<string, TopicIndexStatistics>(StringComparer.Ordinal));
}
