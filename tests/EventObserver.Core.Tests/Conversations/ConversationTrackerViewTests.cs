using EventObserver.Core.Conversations;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Core.Tests.Conversations;

public sealed class ConversationTrackerViewTests
{
    private readonly FakeTimeProvider _time = new(ConversationTraffic.Epoch);
    private readonly ConversationTraffic _traffic = new();

    private static MonitoringOptions Orders() => new()
    {
        InferProcesses = false,
        Processes = [new ProcessOptions { Name = "orders", Start = "PlaceOrder", Done = ["OrderShipped"], Within = TimeSpan.FromSeconds(30) }],
    };

    [Fact]
    public void Conversations_NoStatus_StuckOldestFirstThenOpenNewestFirst()
    {
        var tracker = new ConversationTracker(Orders(), _time);
        tracker.Observe([.. _traffic.Order("stuck-a", 0, shipped: false), .. _traffic.Order("stuck-b", 5_000, shipped: false)]);
        tracker.Check(ConversationTraffic.Epoch.AddSeconds(40));
        tracker.Observe([.. _traffic.Order("open-a", 20_000, shipped: false), .. _traffic.Order("open-b", 25_000, shipped: false), .. _traffic.Order("done", 26_000)]);

        var all = tracker.Conversations("orders", null, 10);
        var completed = tracker.Conversations("orders", ConversationStatus.Completed, 10);

        Assert.Equal(["stuck-a", "stuck-b", "open-b", "open-a"], all.Select(c => c.Key));
        Assert.Equal(["done"], completed.Select(c => c.Key));
        Assert.Equal(["stuck-a", "stuck-b"], tracker.Conversations("orders", null, 2).Select(c => c.Key));
        Assert.Empty(tracker.Conversations("nobody", null, 10));
    }

    [Fact]
    public void Overview_StuckSampledEveryFifteenSeconds_ChartKeepsTheWindow()
    {
        var tracker = new ConversationTracker(Orders(), _time);
        tracker.Observe(_traffic.Order("o1", 0, shipped: false));
        var start = ConversationTraffic.Epoch;

        for (var s = 0; s <= 60; s++)
        {
            tracker.Check(start.AddSeconds(s));
        }

        var chart = tracker.Overview(start.AddSeconds(60), TimeSpan.FromSeconds(50)).Processes.Single().StuckOverTime;
        Assert.Equal([new StuckPoint(start.AddSeconds(15), 0), new StuckPoint(start.AddSeconds(30), 0), new StuckPoint(start.AddSeconds(45), 1), new StuckPoint(start.AddSeconds(60), 1)], chart);
    }

    [Fact]
    public void Overview_Window_CountsOnlyConversationsStartedOrEndedInIt()
    {
        var tracker = new ConversationTracker(Orders(), _time);
        tracker.Observe([.. _traffic.Order("old", 0, shipAfterMs: 2_000), .. _traffic.Order("new", 600_000, shipAfterMs: 8_000)]);

        var summary = tracker.Overview(ConversationTraffic.Epoch.AddMinutes(15), TimeSpan.FromMinutes(10)).Processes.Single();

        Assert.Equal((1L, 1L), (summary.Started, summary.Completed));
        Assert.Equal((8_000L, 8_000L), (summary.DurationP50Ms, summary.DurationP95Ms));
        Assert.Equal(["orders.commands", "orders.events", "shipping.commands", "shipping.events"], summary.Topics);
    }

    [Fact]
    public void Overview_CompletionsAndFailures_LifetimeTotalsOutliveTheWindowAndASnapshot()
    {
        var options = new MonitoringOptions
        {
            InferProcesses = false,
            Processes = [new ProcessOptions { Name = "orders", Start = "PlaceOrder", Done = ["OrderShipped"], Failed = ["OrderCancelled"], Within = TimeSpan.FromSeconds(30) }],
        };
        var tracker = new ConversationTracker(options, _time);
        tracker.Observe([.. _traffic.Order("a", 0), .. _traffic.Order("b", 100), .. _traffic.Order("c", 200, shipped: false)]);
        tracker.Observe([_traffic.Message("c-x", "OrderCancelled", 900, "c", "c-3", topic: "orders.events")]);
        var restored = new ConversationTracker(options, _time);
        restored.ImportSnapshot(tracker.ExportSnapshot());

        // A window that ends before any of them: the window counts are 0, the totals are not.
        var summary = tracker.Overview(ConversationTraffic.Epoch.AddHours(2), TimeSpan.FromMinutes(1)).Processes.Single();
        var summaryAfter = restored.Overview(ConversationTraffic.Epoch.AddHours(2), TimeSpan.FromMinutes(1)).Processes.Single();

        Assert.Equal((0L, 0L, 2L, 1L), (summary.Completed, summary.Failed, summary.CompletedTotal, summary.FailedTotal));
        Assert.Equal((2L, 1L), (summaryAfter.CompletedTotal, summaryAfter.FailedTotal));
    }
}
