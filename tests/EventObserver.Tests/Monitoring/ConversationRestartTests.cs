using EventObserver.Core.Conversations;
using EventObserver.Core.Envelopes;

namespace EventObserver.Tests.Monitoring;

/// <summary>
/// The real tracker, a real index and snapshot file: stuck and open conversations are the same after a restart as
/// before it, including what was indexed after the last save and before the "crash" (read back once).
/// </summary>
public sealed class ConversationRestartTests : IDisposable
{
    private const string Process = "Orders";
    private readonly MonitorHarness _harness = new();
    private readonly MonitoringOptions _options = new()
    {
        Processes = [new ProcessOptions { Name = Process, Start = "OrderPlaced", Done = ["OrderShipped"], Within = TimeSpan.FromMinutes(10) }],
        InferProcesses = false,
    };

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Restart_AfterSaveAndLateIndexedEvents_SameStuckAndOpenAndLateEventsCountedOnce()
    {
        var now = MonitorHarness.Now;
        var offset = 0L;
        List<EventEnvelope> batch =
        [
            .. new[] { "c0", "c1", "c2", "c3" }.Select(c => Placed(ref offset, c, now.AddMinutes(-30))),
            .. new[] { "c4", "c5", "c6" }.Select(c => Placed(ref offset, c, now.AddMinutes(-2))),
            Step(ref offset, "c0", "OrderShipped", now.AddMinutes(-25)),
        ];

        // First run: batches through the observer path, deadlines checked, state saved.
        var store = _harness.Store();
        var first = new ConversationTracker(_options, _harness.Time);
        var running = _harness.Monitor(first, store, _options);
        running.Start(CancellationToken.None);
        running.Accept(_harness.Commit(batch));
        var stuckAlerts = first.Check(now);
        Assert.True(running.Save());
        var before = State(first);

        // Indexed after the last save, before the crash: c4 completes, c7 starts.
        var late = _harness.Commit([Step(ref offset, "c4", "OrderShipped", now.AddMinutes(-1)), Placed(ref offset, "c7", now.AddSeconds(-30))]);
        store.Dispose();

        // Second run over the same files.
        var second = new ConversationTracker(_options, _harness.Time);
        var restarted = _harness.Monitor(second, _harness.Store(), _options);
        restarted.Start(CancellationToken.None);
        var after = State(second);
        var alertsAfter = second.Check(now);

        Assert.Equal(["c1", "c2", "c3"], stuckAlerts.Where(a => a.Kind == ConversationAlertKind.Stuck).Select(a => a.Conversation.Key).Order(StringComparer.Ordinal));
        Assert.Equal(before.Stuck, after.Stuck);
        Assert.Equal(["c4", "c5", "c6"], before.Open);
        Assert.Equal(["c5", "c6", "c7"], after.Open);
        Assert.Equal(ConversationStatus.Completed, second.Find("c4")?.Status);
        Assert.Equal(2, second.Find("c4")?.Messages);
        Assert.Equal(before.Observed + late.Count, after.Observed);
        Assert.DoesNotContain(alertsAfter, a => a.Kind == ConversationAlertKind.Stuck);
    }

    private static EventEnvelope Placed(ref long offset, string correlation, DateTimeOffset at) => Step(ref offset, correlation, "OrderPlaced", at);

    private static EventEnvelope Step(ref long offset, string correlation, string type, DateTimeOffset at) =>
        MonitorHarness.Event(offset++, type, correlation, at);

    private static (string[] Stuck, string[] Open, long Observed) State(ConversationTracker tracker) =>
    (
        [.. tracker.Conversations(Process, ConversationStatus.Stuck, 100).Select(c => c.Key).Order(StringComparer.Ordinal)],
        [.. tracker.Conversations(Process, ConversationStatus.Open, 100).Select(c => c.Key).Order(StringComparer.Ordinal)],
        tracker.Overview(MonitorHarness.Now, TimeSpan.FromHours(1)).MessagesObserved
    );
}
