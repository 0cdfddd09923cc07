namespace EventObserver.Features.Feed;

/// <summary>
/// The order of the feed, oldest first: by timestamp, ties by position (topic, partition, offset). A total order, so
/// the same events read the same way whichever batch, page or partition brought them first.
/// </summary>
public sealed class FeedRowOrder : IComparer<FeedRow>
{
    public static readonly FeedRowOrder OldestFirst = new();

    private FeedRowOrder()
    {
    }

    public int Compare(FeedRow? x, FeedRow? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byTime = x.TimestampMs.CompareTo(y.TimestampMs);
        if (byTime != 0)
        {
            return byTime;
        }

        var byTopic = string.CompareOrdinal(x.Topic, y.Topic);
        if (byTopic != 0)
        {
            return byTopic;
        }

        var byPartition = x.Partition.CompareTo(y.Partition);
        return byPartition != 0 ? byPartition : x.Offset.CompareTo(y.Offset);
    }
}
