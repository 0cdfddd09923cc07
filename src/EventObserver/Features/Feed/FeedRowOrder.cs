using EventObserver.Core.Envelopes;

namespace EventObserver.Features.Feed;

/// <summary>
/// The order of the feed, oldest first: <see cref="EventTimeOrder"/> (the order lineage uses). A total order, so the
/// same events read the same way whichever batch, page or partition brought them first.
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

        return EventTimeOrder.Compare(x.TimestampMs, x.Topic, x.Partition, x.Offset, y.TimestampMs, y.Topic, y.Partition, y.Offset);
    }
}
