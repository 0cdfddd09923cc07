using EventObserver.Core.Conversations;
using EventObserver.Monitoring;

using Microsoft.Extensions.Logging;

namespace EventObserver.Tests.Monitoring;

/// <summary>
/// The monitor over a real LiteDB index and snapshot file, with a recording tracker: what it reads back at start, what
/// it holds back meanwhile, and that every indexed event reaches the tracker exactly once.
/// </summary>
public sealed class ConversationMonitorTests : IDisposable
{
    private readonly MonitorHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Start_NoSnapshot_ReadsOnlyTheIndexWindowThenTakesBatchesLive()
    {
        var old = MonitorHarness.Event(0, at: MonitorHarness.Now - TimeSpan.FromHours(3));
        _harness.Commit([old, .. MonitorHarness.Events(1, 5)]);
        var tracker = new RecordingTracker();
        var monitor = _harness.Monitor(tracker, _harness.Store());

        monitor.Start(CancellationToken.None);
        monitor.Accept(_harness.Commit(MonitorHarness.Events(6, 2)));

        Assert.True(monitor.IsLive);
        Assert.Equal(TimeSpan.FromHours(1), monitor.CatchUpWindow);
        Assert.Equal(Ids(1, 8), tracker.Seen.Keys.Order(StringComparer.Ordinal));
        Assert.All(tracker.Seen.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public void CatchUpWindow_LongDeadlineOrQuietAfter_CoversTheLongest()
    {
        var options = new MonitoringOptions
        {
            QuietAfter = TimeSpan.FromMinutes(20),
            Processes = [new ProcessOptions { Start = "OrderPlaced", Within = TimeSpan.FromHours(2) }],
        };

        var monitor = _harness.Monitor(new RecordingTracker(), _harness.Store(), options);

        Assert.Equal(TimeSpan.FromHours(4), monitor.CatchUpWindow);
    }

    [Fact]
    public void Start_WithSnapshot_ReadsBackOnlyWhatWasIndexedAfterIt()
    {
        // First run: ten events observed live, then saved.
        var first = new RecordingTracker();
        var store = _harness.Store();
        var running = _harness.Monitor(first, store);
        running.Start(CancellationToken.None);
        running.Accept(_harness.Commit(MonitorHarness.Events(0, 10)));
        Assert.True(running.Save());

        // Indexed after the last save, before the "crash"; plus a partition the tracker never saw.
        _harness.Commit(MonitorHarness.Events(10, 5));
        _harness.Commit(MonitorHarness.Events(0, 2, topic: "payments"));
        var second = new RecordingTracker();

        _harness.Monitor(second, store).Start(CancellationToken.None);

        Assert.Equal(Ids(0, 15).Concat(["payments-0-0", "payments-0-1"]).Order(StringComparer.Ordinal), second.Seen.Keys.Order(StringComparer.Ordinal));
        Assert.All(second.Seen.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Start_BatchesCommittedDuringTheCatchUp_AreNeitherSkippedNorCountedTwice()
    {
        _harness.Commit(MonitorHarness.Events(0, 2_500));
        var tracker = new RecordingTracker();
        var monitor = _harness.Monitor(tracker, _harness.Store());

        // Before the catch-up: a batch already in the index (given to the observers again after a rebalance).
        monitor.Accept(MonitorHarness.Events(100, 50));
        var during = 0;
        tracker.Observing = _ =>
        {
            // During it, twice: new batches committed while the index is read back.
            if (during++ < 2)
            {
                monitor.Accept(_harness.Commit(MonitorHarness.Events(2_500 + ((during - 1) * 10), 10)));
            }
        };

        monitor.Start(CancellationToken.None);
        tracker.Observing = null;
        monitor.Accept(_harness.Commit(MonitorHarness.Events(2_520, 5)));

        Assert.Equal(Ids(0, 2_525), tracker.Seen.Keys.Order(StringComparer.Ordinal));
        Assert.All(tracker.Seen.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Start_MoreHeldBackThanTheCap_ReadsTheRestFromTheIndexOnce()
    {
        _harness.Commit(MonitorHarness.Events(0, 1_500));
        var tracker = new RecordingTracker();
        var monitor = _harness.Monitor(tracker, _harness.Store(), maxHeld: 30);
        var during = 0;
        tracker.Observing = _ =>
        {
            if (during++ < 1)
            {
                for (var i = 0; i < 5; i++)
                {
                    monitor.Accept(_harness.Commit(MonitorHarness.Events(1_500 + (i * 10), 10)));
                }
            }
        };

        monitor.Start(CancellationToken.None);

        Assert.True(monitor.IsLive);
        Assert.Equal(Ids(0, 1_550), tracker.Seen.Keys.Order(StringComparer.Ordinal));
        Assert.All(tracker.Seen.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Start_SnapshotTheTrackerRejects_WarnsOnceAndRebuildsFromTheIndexWindow()
    {
        var store = _harness.Store();
        store.Save("not a snapshot"u8.ToArray());
        _harness.Commit(MonitorHarness.Events(0, 3));
        var log = new ListLogger<ConversationMonitor>();
        var tracker = new RecordingTracker();

        _harness.Monitor(tracker, store, log: log).Start(CancellationToken.None);

        Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(Ids(0, 3), tracker.Seen.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Save_BeforeStartLoadedTheSnapshot_LeavesTheSavedOneAlone()
    {
        var store = _harness.Store();
        store.Save("saved"u8.ToArray());
        var monitor = _harness.Monitor(new RecordingTracker(), store);

        Assert.False(monitor.Save());
        Assert.Equal("saved"u8.ToArray(), store.Load());
    }

    [Fact]
    public void IndexSwitch_ToAnotherCluster_StartsOverOnTheNewIndex()
    {
        var tracker = new RecordingTracker();
        var monitor = _harness.Monitor(tracker, _harness.Store());
        monitor.Start(CancellationToken.None);
        monitor.Accept(_harness.Commit(MonitorHarness.Events(0, 4)));

        _harness.SwitchCluster("cluster-b");
        var heldAfterSwitch = _harness.Commit(MonitorHarness.Events(0, 2, topic: "billing"));
        monitor.Accept(heldAfterSwitch);
        Assert.True(monitor.RestartPending);
        Assert.False(monitor.IsLive);
        monitor.StartOver(CancellationToken.None);

        Assert.True(monitor.IsLive);
        Assert.Equal(["billing-0-0", "billing-0-1"], tracker.Seen.Keys.Order(StringComparer.Ordinal));
        Assert.All(tracker.Seen.Values, count => Assert.Equal(1, count));
    }

    private static IEnumerable<string> Ids(long from, long to) =>
        Enumerable.Range((int)from, (int)(to - from)).Select(i => $"orders-0-{i}").Order(StringComparer.Ordinal);
}
