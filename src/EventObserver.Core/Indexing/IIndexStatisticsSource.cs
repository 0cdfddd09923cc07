namespace EventObserver.Core.Indexing;

/// <summary>What the index holds and what the broker deleted before it was indexed; kept in memory, cheap to call often.</summary>
public interface IIndexStatisticsSource
{
    IndexStatistics GetStatistics();

    /// <summary>Recorded retention gaps, newest first, optionally of one topic.</summary>
    IReadOnlyList<RetentionGap> GetRetentionGaps(string? topic = null, int limit = int.MaxValue);

    /// <summary>The indexed range of each partition of <paramref name="topic"/> that holds events, by partition.</summary>
    IReadOnlyList<PartitionIndexRange> GetPartitionRanges(string topic);
}
