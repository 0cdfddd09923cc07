using EventObserver.Core.Conversations;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Core.Tests.Conversations;

public sealed class ConversationTrackerInferenceTests
{
    private readonly FakeTimeProvider _time = new(ConversationTraffic.Epoch);
    private readonly ConversationTraffic _traffic = new();

    /// <summary>
    /// 10 orders (8 shipped, 2 failed payments), 8 sign-ups, audit records that start 5 correlations of their own but
    /// mostly ride inside orders, and heartbeats without any correlation.
    /// </summary>
    private void ObserveCraftedTraffic(ConversationTracker tracker)
    {
        for (var i = 0; i < 10; i++)
        {
            var c = $"order-{i}";
            var t = i * 10_000L;
            tracker.Observe([
                _traffic.Message(c + "-1", "PlaceOrder", t, c, source: "storefront"),
                _traffic.Message(c + "-2", "AuditRecorded", t + 5, c, source: "audit"),
                _traffic.Message(c + "-3", "ChargePayment", t + 10, c, c + "-1", "orders-service"),
                i < 8
                    ? _traffic.Message(c + "-4", "OrderShipped", t + 900, c, c + "-3", "shipping-service")
                    : _traffic.Message(c + "-4", "PaymentFailed", t + 900, c, c + "-3", "payments"),
                _traffic.Message($"hb-{i}", "Heartbeat", t + 1),
            ]);
        }

        for (var i = 0; i < 8; i++)
        {
            var c = $"user-{i}";
            tracker.Observe([
                _traffic.Message(c + "-1", "RegisterUser", i * 1_000L, c, topic: "users"),
                _traffic.Message(c + "-2", "UserRegistered", (i * 1_000L) + 10, c, c + "-1", topic: "users"),
                _traffic.Message(c + "-3", "WelcomeEmailSent", (i * 1_000L) + 20, c, c + "-2", topic: "mail"),
            ]);
        }

        for (var i = 0; i < 5; i++)
        {
            tracker.Observe([_traffic.Message($"audit-{i}", "AuditRecorded", i, $"audit-{i}")]);
        }
    }

    [Fact]
    public void Check_QuietCraftedTraffic_InfersTwoProcessesWithTheirTerminals()
    {
        var tracker = new ConversationTracker(new MonitoringOptions(), _time);
        ObserveCraftedTraffic(tracker);
        _time.Advance(TimeSpan.FromMinutes(3));

        tracker.Check(_time.GetUtcNow());

        var processes = tracker.Overview(_time.GetUtcNow(), TimeSpan.FromDays(1)).Processes;
        Assert.Equal(["PlaceOrder", "RegisterUser"], processes.Select(p => p.Start));
        var orders = processes[0];
        Assert.False(orders.Configured);
        Assert.Equal(["OrderShipped"], orders.DoneTypes);
        Assert.Equal(["PaymentFailed"], orders.FailedTypes);
        Assert.Equal((10L, 8L, 2L, 0L), (orders.Started, orders.Completed, orders.Failed, orders.Open));
        Assert.Equal(["WelcomeEmailSent"], processes[1].DoneTypes);
        Assert.Equal(ConversationStatus.Completed, tracker.Find("order-0")!.Status);
        Assert.Equal(ConversationStatus.Failed, tracker.Find("order-9")!.Status);
        Assert.Null(tracker.Find("audit-0"));
        Assert.Equal(5, tracker.Overview(_time.GetUtcNow(), TimeSpan.FromDays(1)).Unassigned);
        Assert.Equal(10, tracker.IgnoredMessages);
    }

    [Fact]
    public void Check_TerminalLearnedLater_EndsOpenConversationsThatAlreadySawIt()
    {
        var tracker = new ConversationTracker(new MonitoringOptions(), _time);
        ObserveCraftedTraffic(tracker);
        _time.Advance(TimeSpan.FromMinutes(3));
        tracker.Check(_time.GetUtcNow());
        for (var i = 0; i < 5; i++)
        {
            var c = $"cancelled-{i}";
            var t = 200_000 + (i * 1_000L);
            tracker.Observe([
                _traffic.Message(c + "-1", "PlaceOrder", t, c, source: "storefront"),
                _traffic.Message(c + "-2", "OrderCancelled", t + 50, c, c + "-1", "orders-service"),
            ]);
        }

        var openBefore = tracker.Find("cancelled-0")!.Status;
        _time.Advance(TimeSpan.FromMinutes(3));
        tracker.Check(_time.GetUtcNow());

        var orders = tracker.Overview(_time.GetUtcNow(), TimeSpan.FromDays(1)).Processes.Single(p => p.Start == "PlaceOrder");
        Assert.Equal(ConversationStatus.Open, openBefore);
        Assert.Equal(["OrderCancelled", "OrderShipped"], orders.DoneTypes);
        Assert.Equal(ConversationStatus.Completed, tracker.Find("cancelled-0")!.Status);
        Assert.Equal(ConversationTraffic.Epoch.AddMilliseconds(200_050), tracker.Find("cancelled-0")!.EndedAt);
        Assert.Equal((0, 13L), (orders.Open, orders.Completed));
    }

    [Fact]
    public void Check_BeforeCorrelationsAreQuiet_InfersNothing()
    {
        var tracker = new ConversationTracker(new MonitoringOptions(), _time);
        ObserveCraftedTraffic(tracker);
        _time.Advance(TimeSpan.FromMinutes(1));

        tracker.Check(_time.GetUtcNow());

        Assert.Empty(tracker.Overview(_time.GetUtcNow(), TimeSpan.FromDays(1)).Processes);
        Assert.Null(tracker.Find("order-0"));
    }

    [Fact]
    public void Check_NewProcess_TracksConversationsThatBeganBeforeItWasInferred()
    {
        var tracker = new ConversationTracker(new MonitoringOptions(), _time);
        ObserveCraftedTraffic(tracker);
        _time.Advance(TimeSpan.FromMinutes(3));
        tracker.Observe([_traffic.Message("early-1", "PlaceOrder", 500_000, "order-early", source: "storefront")]);

        tracker.Check(_time.GetUtcNow());
        tracker.Observe([_traffic.Message("later-1", "PlaceOrder", 600_000, "order-later", source: "storefront")]);

        Assert.Equal(ConversationStatus.Open, tracker.Find("order-early")!.Status);
        Assert.Equal(ConversationStatus.Open, tracker.Find("order-later")!.Status);
        Assert.Equal(2, tracker.Overview(_time.GetUtcNow(), TimeSpan.FromDays(1)).Processes.Single(p => p.Start == "PlaceOrder").Open);
    }

    [Fact]
    public void Check_InferenceOff_OnlyConfiguredProcesses()
    {
        var tracker = new ConversationTracker(new MonitoringOptions { InferProcesses = false }, _time);
        ObserveCraftedTraffic(tracker);
        _time.Advance(TimeSpan.FromMinutes(3));

        tracker.Check(_time.GetUtcNow());

        Assert.Empty(tracker.Overview(_time.GetUtcNow(), TimeSpan.FromDays(1)).Processes);
    }
}
