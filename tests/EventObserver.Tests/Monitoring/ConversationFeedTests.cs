using EventObserver.Monitoring;
using EventObserver.TestSupport;

using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Tests.Monitoring;

/// <summary>The hand-over from the index writer to the monitor: in order, on the feed's thread, nothing lost when its queue is full.</summary>
public sealed class ConversationFeedTests : IDisposable
{
    private readonly MonitorHarness _harness = new();
    private readonly RecordingTracker _tracker = new();
    private readonly CancellationTokenSource _stop = new();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public async Task RunAsync_CommittedBatches_ReachTheTrackerOnceEachInOrder()
    {
        var feed = LiveFeed(maxQueued: 1_000, idleReadBack: TimeSpan.FromMinutes(10));
        var running = feed.RunAsync(_stop.Token);

        feed.OnCommitted(_harness.Commit(MonitorHarness.Events(0, 3)));
        feed.OnCommitted(_harness.Commit(MonitorHarness.Events(3, 3)));
        await Eventually.TrueAsync(() => _tracker.Seen.Count == 6, "six events observed");

        Assert.All(_tracker.Seen.Values, count => Assert.Equal(1, count));
        Assert.Equal(6, _tracker.Positions.Single().Value);
        Assert.Equal((0L, 0L), (feed.Gaps, feed.QueuedEvents));
        Assert.False(running.IsCompleted);
    }

    [Fact]
    public async Task OnCommitted_QueueFull_LetsTheBatchGoAndTheNextOneReadsItBackFromTheIndex()
    {
        var feed = LiveFeed(maxQueued: 5, idleReadBack: TimeSpan.FromMinutes(10));
        feed.OnCommitted(_harness.Commit(MonitorHarness.Events(0, 4)));
        feed.OnCommitted(_harness.Commit(MonitorHarness.Events(4, 4)));
        Assert.Equal((1L, 4L), (feed.Gaps, feed.QueuedEvents));

        _ = feed.RunAsync(_stop.Token);
        await Eventually.TrueAsync(() => _tracker.Seen.Count == 4, "the queued batch observed");
        feed.OnCommitted(_harness.Commit(MonitorHarness.Events(8, 2)));
        await Eventually.TrueAsync(() => _tracker.Seen.Count == 10, "the batch let go read back, then the next one");

        Assert.All(_tracker.Seen.Values, count => Assert.Equal(1, count));
        Assert.Equal(10, _tracker.Positions.Single().Value);
    }

    [Fact]
    public async Task OnCommitted_QueueFullWithNoBatchAfter_ReadsBackOnceIngestionIsIdle()
    {
        var feed = LiveFeed(maxQueued: 5, idleReadBack: TimeSpan.FromMilliseconds(50));
        feed.OnCommitted(_harness.Commit(MonitorHarness.Events(0, 4)));
        feed.OnCommitted(_harness.Commit(MonitorHarness.Events(4, 4)));
        feed.OnCommitted(_harness.Commit(MonitorHarness.Events(8, 4)));

        _ = feed.RunAsync(_stop.Token);
        await Eventually.TrueAsync(() => _tracker.Seen.Count == 12, "both batches let go read back");

        Assert.Equal(1L, feed.Gaps);
        Assert.All(_tracker.Seen.Values, count => Assert.Equal(1, count));
    }

    private ConversationFeed LiveFeed(int maxQueued, TimeSpan idleReadBack)
    {
        var monitor = _harness.Monitor(_tracker, _harness.Store());
        monitor.Start(CancellationToken.None);
        Assert.True(monitor.IsLive);
        return new ConversationFeed(monitor, NullLogger<ConversationFeed>.Instance) { MaxQueuedEvents = maxQueued, IdleReadBack = idleReadBack };
    }
}
