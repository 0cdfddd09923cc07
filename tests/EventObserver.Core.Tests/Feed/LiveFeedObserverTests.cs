using EventObserver.Core.Feed;
using EventObserver.Core.Selection;

namespace EventObserver.Core.Tests.Feed;

public sealed class LiveFeedObserverTests
{
    [Fact]
    public void OnCommitted_Batch_IsPublishedToTheFeed()
    {
        var feed = new LiveFeed();
        var observer = new LiveFeedObserver(feed);

        observer.OnCommitted([FeedEnvelopes.Event("orders", 1), FeedEnvelopes.Event("orders", 2)]);

        Assert.Equal(2, feed.TotalPublished);
        Assert.Equal(["orders-2", "orders-1"], feed.Recent(EventSelection.All, 10).Select(e => e.MessageId));
    }
}
