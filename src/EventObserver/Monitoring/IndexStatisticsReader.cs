using EventObserver.Storage.Index;

namespace EventObserver.Monitoring;

/// <summary>Reads the current index's statistics; empty before an index is open or while it is being switched.</summary>
public sealed class IndexStatisticsReader(EventIndexProvider provider)
{
    public static readonly IndexStatistics Empty = new(0, 0, new Dictionary<string, TopicIndexStatistics>(StringComparer.Ordinal));

    public IndexStatistics Read()
    {
        var index = provider.Current;
        if (index is null)
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
            return provider.Current?.GetRetentionGaps(topic, limit) ?? [];
        }
        catch (ObjectDisposedException)
        {
            return [];
        }
    }
}
