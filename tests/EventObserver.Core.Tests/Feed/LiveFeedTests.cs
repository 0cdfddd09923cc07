using EventObserver.Core.Feed;
using EventObserver.Core.Selection;
using static EventObserver.Core.Tests.Feed.FeedEnvelopes;

namespace EventObserver.Core.Tests.Feed;

public sealed class LiveFeedTests
{
    [Fact]
    public void Subscribe_ThenPublish_ReceivesMatchingEventsInPublishOrder()
    {
        var feed = new LiveFeed();
        using var subscription = feed.Subscribe(new EventSelection { Topics = ["orders"] });

        feed.Publish([Event("orders", 1), Event("payments", 1), Event("orders", 2)]);
        feed.Publish([Event("orders", 3)]);

        Assert.Equal([1L, 2, 3], Drain(subscription).Select(e => e.Offset));
        Assert.Equal(0, subscription.Dropped);
        Assert.Equal(4, feed.TotalPublished);
    }

    [Fact]
    public void Subscribe_EventsPublishedBefore_AreNotDelivered()
    {
        var feed = new LiveFeed();
        feed.Publish(Range("orders", 0, 3));

        using var subscription = feed.Subscribe(EventSelection.All);

        Assert.Empty(Drain(subscription));
    }

    [Fact]
    public void Publish_SubscriberFallsBehind_DropsOldestAndCountsExactly()
    {
        var feed = new LiveFeed();
        using var subscription = feed.Subscribe(EventSelection.All, capacity: 10);

        feed.Publish(Range("orders", 0, 25));
        feed.Publish(Range("orders", 25, 5));

        Assert.Equal(20, subscription.Dropped);
        Assert.Equal(Enumerable.Range(20, 10).Select(i => (long)i), Drain(subscription).Select(e => e.Offset));
    }

    [Fact]
    public void Publish_ReaderKeepsUp_NonMatchingEventsAreNeverDropped()
    {
        var feed = new LiveFeed();
        using var subscription = feed.Subscribe(new EventSelection { Topics = ["orders"] }, capacity: 5);
        var received = new List<EventObserver.Core.Envelopes.EventEnvelope>();

        for (var i = 0; i < 20; i++)
        {
            feed.Publish([.. Range("payments", i * 4, 4), Event("orders", i)]);
            received.AddRange(Drain(subscription));
        }

        Assert.Equal(0, subscription.Dropped);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), received.Select(e => e.Offset));
    }

    [Fact]
    public void Publish_SubscriberNotReading_DropsOldestBeforeFilteringAndCountsThem()
    {
        var feed = new LiveFeed();
        using var subscription = feed.Subscribe(new EventSelection { Topics = ["orders"] }, capacity: 2);

        feed.Publish([.. Range("payments", 0, 100), Event("orders", 1)]);

        // Filtering happens when the subscriber reads: what it could not hold is gone, matching or not.
        Assert.Equal(99, subscription.Dropped);
        Assert.Equal("orders", Assert.Single(Drain(subscription)).Topic);
    }

    [Fact]
    public void Dispose_Subscription_StopsDeliveryAndCompletesTheReader()
    {
        var feed = new LiveFeed();
        var subscription = feed.Subscribe(EventSelection.All);

        subscription.Dispose();
        feed.Publish(Range("orders", 0, 3));
        subscription.Dispose();

        Assert.Equal(0, feed.SubscriberCount);
        Assert.True(subscription.Reader.Completion.IsCompleted);
        Assert.Empty(Drain(subscription));
    }

    [Fact]
    public void Recent_NewestFirstFilteredAndCapped()
    {
        var feed = new LiveFeed();
        feed.Publish([Event("orders", 1), Event("payments", 1), Event("orders", 2), Event("orders", 3)]);

        var recent = feed.Recent(new EventSelection { Topics = ["orders"] }, max: 2);

        Assert.Equal([3L, 2], recent.Select(e => e.Offset));
        Assert.Empty(feed.Recent(EventSelection.All, 0));
    }

    [Fact]
    public void Publish_PastCapacity_RingKeepsTheNewest()
    {
        var feed = new LiveFeed(new LiveFeedOptions { Capacity = 5 });

        feed.Publish(Range("orders", 0, 12));

        Assert.Equal(5, feed.RecentCount);
        Assert.Equal([11L, 10, 9, 8, 7], feed.Recent(EventSelection.All, 100).Select(e => e.Offset));
    }

    [Fact]
    public void Publish_PastMaxBytes_RingEvictsOldestUntilWithinBytes()
    {
        var oneEvent = LiveFeed.EstimateBytes(WithPayload("blobs", 0, 10_000));
        var feed = new LiveFeed(new LiveFeedOptions { Capacity = 1000, MaxBytes = 3 * oneEvent });

        for (var i = 0; i < 10; i++)
        {
            feed.Publish([WithPayload("blobs", i, 10_000)]);
        }

        Assert.Equal(3, feed.RecentCount);
        Assert.True(feed.RecentBytes <= 3 * oneEvent);
        Assert.Equal([9L, 8, 7], feed.Recent(EventSelection.All, 100).Select(e => e.Offset));
    }

    [Fact]
    public void Publish_OneEventLargerThanMaxBytes_KeepsOnlyIt()
    {
        var feed = new LiveFeed(new LiveFeedOptions { MaxBytes = 1000 });
        feed.Publish(Range("orders", 0, 3));

        feed.Publish([WithPayload("blobs", 0, 5000)]);

        Assert.Equal("blobs", Assert.Single(feed.Recent(EventSelection.All, 10)).Topic);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, 0)]
    public void Constructor_BadBounds_Throws(int capacity, long maxBytes)
    {
        Assert.ThrowsAny<ArgumentException>(() => new LiveFeed(new LiveFeedOptions { Capacity = capacity, MaxBytes = maxBytes }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NoFilterCoreShare_Throws(double share)
    {
        Assert.ThrowsAny<ArgumentException>(() => new LiveFeed(new LiveFeedOptions { FilterCoreShare = share }));
    }

    [Fact]
    public void Publish_EmptyOrNullBatch_IsIgnored()
    {
        var feed = new LiveFeed();

        feed.Publish([]);
        feed.Publish(null!);

        Assert.Equal(0, feed.TotalPublished);
    }

    [Fact]
    public async Task Publish_ConcurrentPublishersSubscribersAndReaders_LosesNothingAndKeepsEachPublishersOrder()
    {
        const int publishers = 4;
        const int batches = 200;
        const int batchSize = 25;
        var feed = new LiveFeed(new LiveFeedOptions { Capacity = 1000 });
        using var all = feed.Subscribe(EventSelection.All, capacity: publishers * batches * batchSize);
        using var stop = new CancellationTokenSource();

        var churn = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var s = feed.Subscribe(new EventSelection { Topics = ["t0"] }, capacity: 5);
                _ = feed.Recent(new EventSelection { Text = "x" }, 50);
            }
        });
        var publishing = Enumerable.Range(0, publishers).Select(p => Task.Run(() =>
        {
            for (var b = 0; b < batches; b++)
            {
                feed.Publish(Range($"t{p}", b * batchSize, batchSize));
            }
        })).ToArray();
        await Task.WhenAll(publishing);
        await stop.CancelAsync();
        await churn;

        var received = Drain(all);
        Assert.Equal(publishers * batches * batchSize, feed.TotalPublished);
        Assert.Equal(publishers * batches * batchSize, received.Count);
        Assert.Equal(0, all.Dropped);
        Assert.All(received.GroupBy(e => e.Topic), g => Assert.Equal(g.Select(e => e.Offset).Order(), g.Select(e => e.Offset)));
        Assert.Equal(1000, feed.RecentCount);
        Assert.Equal(1, feed.SubscriberCount);
    }

    private static List<EventObserver.Core.Envelopes.EventEnvelope> Drain(IFeedSubscription subscription)
    {
        var items = new List<EventObserver.Core.Envelopes.EventEnvelope>();
        while (subscription.Reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }
}
