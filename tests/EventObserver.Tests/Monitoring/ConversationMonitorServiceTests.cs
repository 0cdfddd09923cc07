using EventObserver.Core.Conversations;
using EventObserver.Monitoring;
using EventObserver.TestSupport;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Tests.Monitoring;

/// <summary>The monitor's loop on a fake clock: checks every CheckInterval, alerts to every sink, saves periodically and at shutdown.</summary>
public sealed class ConversationMonitorServiceTests : IDisposable
{
    private readonly MonitorHarness _harness = new();
    private readonly MonitoringOptions _options = new() { CheckInterval = TimeSpan.FromSeconds(1) };
    private readonly RecordingTracker _tracker = new();
    private readonly ListLogger<ConversationMonitorService> _log = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Loop_AlertsEachCheck_ReachEverySinkAndAThrowingSinkDoesNotStopIt()
    {
        var throwing = new ThrowingSink();
        var recording = new RecordingSink();
        using var service = Service(_harness.Store(), throwing, recording);
        _tracker.QueueAlerts(Alert("c1"));
        _tracker.QueueAlerts(Alert("c2"), Alert("c3"));

        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => recording.Keys.Count == 3, () => _harness.Time.Advance(TimeSpan.FromMilliseconds(250)), "three alerts in the recording sink");
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(["c1", "c2", "c3"], recording.Keys);
        Assert.Equal(2, throwing.Calls);
        Assert.Equal(2, _log.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains(nameof(ThrowingSink), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Loop_Every30SecondsAndAtShutdown_SavesTheTrackersState()
    {
        using var store = _harness.Store();
        using var service = Service(store);
        await service.StartAsync(CancellationToken.None);
        var monitor = Monitor;
        await Eventually.TrueAsync(() => monitor.IsLive, "the monitor caught up");

        monitor.Accept(_harness.Commit(MonitorHarness.Events(0, 3)));
        await Eventually.TrueAsync(() => store.Load() is not null, () => _harness.Time.Advance(TimeSpan.FromSeconds(1)), "a periodic save");
        var periodic = store.Load()!;
        monitor.Accept(_harness.Commit(MonitorHarness.Events(3, 2)));
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(_tracker.ExportSnapshot(), store.Load());
        Assert.NotEqual(periodic, store.Load());
    }

    [Fact]
    public void Tick_BeforeTheCatchUpEnded_DoesNotCheckDeadlines()
    {
        using var service = Service(_harness.Store());
        _tracker.QueueAlerts(Alert("c1"));

        var ticked = service.Tick(MonitorHarness.Now);

        Assert.Equal(0, ticked);
        Assert.Equal(0, _tracker.Checks);
    }

    private ConversationMonitor Monitor { get; set; } = null!;

    private ConversationMonitorService Service(IConversationSnapshotStore store, params IConversationAlertSink[] sinks)
    {
        Monitor = _harness.Monitor(_tracker, store, _options);
        return new ConversationMonitorService(Monitor, new ConversationFeed(Monitor, NullLogger<ConversationFeed>.Instance), _tracker, sinks, _options, _harness.Time, _log);
    }

    private static ConversationAlert Alert(string key) => new(
        ConversationAlertKind.Stuck,
        new ConversationInfo
        {
            Key = key,
            Process = "Orders",
            Status = ConversationStatus.Stuck,
            StartedAt = MonitorHarness.Now,
            LastSeenAt = MonitorHarness.Now,
            Last = new ConversationStep("OrderPlaced", "shop", "orders", 0, 1, "m1", MonitorHarness.Now),
        },
        MonitorHarness.Now);

    private sealed class RecordingSink : IConversationAlertSink
    {
        private readonly List<string> _keys = [];

        public IReadOnlyList<string> Keys
        {
            get { lock (_keys) { return [.. _keys]; } }
        }

        public void Publish(IReadOnlyList<ConversationAlert> alerts)
        {
            lock (_keys)
            {
                _keys.AddRange(alerts.Select(a => a.Conversation.Key));
            }
        }
    }

    private sealed class ThrowingSink : IConversationAlertSink
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void Publish(IReadOnlyList<ConversationAlert> alerts)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("receiver down");
        }
    }
}
