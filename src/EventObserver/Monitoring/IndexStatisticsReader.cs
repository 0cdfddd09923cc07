using EventObserver.Core.Indexing;

namespace EventObserver.Monitoring;

/// <summary>Reads the current index's statistics; empty before an index is open or while it is being switched.</summary>
public sealed class IndexStatisticsReader(ICurrentIndex indexes)
{
    public static readonly IndexStatistics Empty = new(0, 0, new Dictionary<string, TopicIndexStatistics>(StringComparer.Ordinal));

    public IndexStatistics Read()
    {
        if (!indexes.TryGet(out var index))
        {
            return Empty;
        }

        try
        {
            return index.GetStatistics();
        }
        catch (ObjectDisposedException)
        {
            // The provider archived this index a moment ago; the next read sees the new one.
            return Empty;
        }
    }

    /// <summary>Recorded retention gaps, newest first; empty before an index is open.</summary>
    public IReadOnlyList<RetentionGap> ReadGaps(string? topic, int limit)
    {
        try
        {
            return indexes.TryGet(out var index) ? index.GetRetentionGaps(topic, limit) : [];
        }
        catch (ObjectDisposedException)
        {
            return [];
        }
    }
}
