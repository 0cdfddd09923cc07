using System.Collections.Concurrent;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;
using Microsoft.Extensions.Time.Testing;
using static EventObserver.Core.Tests.Feed.FeedEnvelopes;

namespace EventObserver.Core.Tests.Feed;

/// <summary>Filters run on the subscriber's side: never in Publish, within a shared budget, and not after Dispose.</summary>
public sealed class FeedSubscriptionTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);
    private static readonly EventSelection TextFilter = new() { Text = "x" };

    [Fact]
    public void Publish_TenSubscribersWithFilters_EvaluatesNoFilterUntilTheyRead()
    {
        var feed = new LiveFeed();
        var evaluations = 0;
        var subscriptions = Enumerable.Range(0, 10)
            .Select(_ => feed.Subscribe(TextFilter, _ => Interlocked.Increment(ref evaluations) > 0, capacity: 1_000))
            .ToList();

        feed.Publish(Range("orders", 0, 1_000));

        Assert.Equal(0, evaluations);
        Assert.Equal(1_000, Drain(subscriptions[0]).Count);
        Assert.Equal(1_000, evaluations);
        subscriptions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Publish_SubscriberFilterBlocks_ReturnsAtOnceAndTheFilterRunsOnTheReadersThread()
    {
        // A fake clock: the blocked filter is not charged against the filter budget (another test covers that).
        var feed = new LiveFeed(new LiveFeedOptions(), new FakeTimeProvider());
        using var release = new ManualResetEventSlim();
        using var entered = new SemaphoreSlim(0);
        using var insidePublish = new ThreadLocal<bool>();
        var evaluations = 0;
        var evaluationsInsidePublish = 0;
        using var subscription = feed.Subscribe(TextFilter, e =>
        {
            Interlocked.Increment(ref evaluations);
            if (insidePublish.Value)
            {
                Interlocked.Increment(ref evaluationsInsidePublish);
            }

            entered.Release();
            release.Wait(Generous);
            return e.Offset % 100 == 0;
        }, capacity: 1_000);
        var reading = Task.Run(async () => await subscription.Reader.WaitToReadAsync());

        try
        {
            var publishing = Task.Run(() =>
            {
                insidePublish.Value = true;
                for (var i = 0; i < 10; i++)
                {
                    feed.Publish(Range("orders", i * 100, 100));
                }

                insidePublish.Value = false;
            });
            await publishing.WaitAsync(Generous);
            Assert.True(await entered.WaitAsync(Generous), "the reader started filtering");
        }
        finally
        {
            release.Set();
        }

        Assert.True(await reading.WaitAsync(Generous));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 100L), Drain(subscription).Select(e => e.Offset));
        Assert.Equal(1_000, evaluations);
        Assert.Equal(0, evaluationsInsidePublish);
    }

    [Fact]
    public void Dispose_WhileFiltering_StopsAtTheNextEventAndLeavesTheFeed()
    {
        var feed = new LiveFeed();
        var evaluations = 0;
        IFeedSubscription? subscription = null;
        subscription = feed.Subscribe(TextFilter, _ =>
        {
            Interlocked.Increment(ref evaluations);
            subscription!.Dispose();
            return false;
        }, capacity: 1_000);
        feed.Publish(Range("orders", 0, 1_000));

        var read = subscription.Reader.TryRead(out _);

        Assert.False(read);
        Assert.Equal(1, evaluations);
        Assert.Equal(0, feed.SubscriberCount);
        Assert.Equal(0, subscription.Reader.Count);
        Assert.True(subscription.Reader.Completion.IsCompleted);
    }

    [Fact]
    public async Task Dispose_WhileTheReaderWaits_EndsTheWaitWithFalse()
    {
        var feed = new LiveFeed();
        var subscription = feed.Subscribe(TextFilter);
        var waiting = subscription.Reader.WaitToReadAsync().AsTask();
        Assert.False(waiting.IsCompleted);

        subscription.Dispose();

        Assert.False(await waiting.WaitAsync(Generous));
    }

    [Fact]
    public async Task WaitToReadAsync_CancelledWhileWaiting_Throws()
    {
        var feed = new LiveFeed();
        using var subscription = feed.Subscribe(TextFilter);
        using var cancel = new CancellationTokenSource();
        var waiting = subscription.Reader.WaitToReadAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Generous));
        feed.Publish([Event("orders", 1, json: """{"x":1}""")]);
        Assert.Single(Drain(subscription));
    }

    [Fact]
    public async Task Read_FiltersCostMoreThanTheirShare_ReaderWaitsForTheBudgetAndDropsWhatItCannotHold()
    {
        var time = new FakeTimeProvider();
        var feed = new LiveFeed(new LiveFeedOptions { FilterCoreShare = 0.5 }, time);
        var evaluations = 0;
        // Every evaluation "takes" 50 ms: a fifth of a core at one event per quarter second.
        using var subscription = feed.Subscribe(TextFilter, e =>
        {
            Interlocked.Increment(ref evaluations);
            time.Advance(TimeSpan.FromMilliseconds(50));
            return e.Offset == 299;
        }, capacity: 100);
        feed.Publish(Range("orders", 0, 100));

        var readWithinBudget = subscription.Reader.TryRead(out _);
        var spent = evaluations;

        Assert.False(readWithinBudget);
        Assert.InRange(spent, 1, 20);
        Assert.Equal(100 - spent, subscription.Reader.Count);

        // Meanwhile the queue overflows: every event is either filtered, still queued or dropped (and counted).
        feed.Publish(Range("orders", 100, 200));
        Assert.True(subscription.Dropped > 0);
        Assert.Equal(300, spent + subscription.Reader.Count + subscription.Dropped);

        var waiting = subscription.Reader.WaitToReadAsync().AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(spent, evaluations);
        for (var i = 0; i < 100 && !waiting.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        Assert.True(await waiting.WaitAsync(Generous));
        Assert.True(subscription.Reader.TryRead(out var found));
        Assert.Equal(299, found.Offset);
    }

    private static List<EventEnvelope> Drain(IFeedSubscription subscription)
    {
        var items = new List<EventEnvelope>();
        while (subscription.Reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }
}
