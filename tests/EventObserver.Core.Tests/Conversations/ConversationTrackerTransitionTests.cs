using EventObserver.Core.Conversations;
using EventObserver.Core.Envelopes;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Core.Tests.Conversations;

public sealed class ConversationTrackerTransitionTests
{
    private readonly FakeTimeProvider _time = new(ConversationTraffic.Epoch);
    private readonly ConversationTraffic _traffic = new();

    private static MonitoringOptions Orders(TimeSpan? within = null, int cap = 100_000) => new()
    {
        InferProcesses = false,
        MaxOpenConversations = cap,
        Processes = [new ProcessOptions { Name = "orders", Start = "PlaceOrder", Done = ["OrderShipped"], Failed = ["OrderCancelled"], Within = within ?? TimeSpan.FromMinutes(1) }],
    };

    private DateTimeOffset At(long ms) => ConversationTraffic.Epoch.AddMilliseconds(ms);

    [Fact]
    public void Observe_StartThenDone_CompletesWithDuration()
    {
        var tracker = new ConversationTracker(Orders(), _time);

        tracker.Observe(_traffic.Order("o1", 0, shipAfterMs: 4_000));

        var info = tracker.Find("o1");
        Assert.NotNull(info);
        Assert.Equal(ConversationStatus.Completed, info.Status);
        Assert.Equal(At(0), info.StartedAt);
        Assert.Equal(At(4_000), info.EndedAt);
        Assert.Equal(4, info.Messages);
        Assert.Equal("OrderShipped", info.Last.MessageType);
        Assert.Equal(["orders.commands", "orders.events", "shipping.commands", "shipping.events"], info.Topics);
        var summary = tracker.Overview(At(10_000), TimeSpan.FromHours(1)).Processes.Single();
        Assert.Equal((1L, 1L, 0L, 0L), (summary.Started, summary.Completed, summary.Failed, summary.Open));
        Assert.Equal(4_000, summary.DurationP50Ms);
    }

    [Fact]
    public void Observe_TerminalBeforeStart_CompletesWhenTheStartArrivesWithTheEarliestStart()
    {
        var tracker = new ConversationTracker(Orders(), _time);
        var order = _traffic.Order("o1", 1_000);
        var early = _traffic.Message("x", "InventoryReserved", 500, "o1", topic: "stock.events", partition: 3);

        tracker.Observe([order[3], early]);
        Assert.Null(tracker.Find("o1"));
        tracker.Observe(order.Take(3).ToList());

        var info = tracker.Find("o1")!;
        Assert.Equal(ConversationStatus.Completed, info.Status);
        Assert.Equal(At(500), info.StartedAt);
        Assert.Equal(At(2_000), info.EndedAt);
        Assert.Equal(5, info.Messages);
        Assert.Equal("OrderShipped", info.Last.MessageType);
    }

    [Fact]
    public void Observe_SameMessageIdAtAnotherOffset_CountsOnce()
    {
        var tracker = new ConversationTracker(Orders(), _time);
        var order = _traffic.Order("o1", 0, shipped: false);
        var retry = _traffic.Message("o1-3", "ShipOrder", 25, "o1", "o1-2", "orders-service", "shipping.commands");

        tracker.Observe(order);
        tracker.Observe([retry]);

        Assert.Equal(3, tracker.Find("o1")!.Messages);
        Assert.Equal(1, tracker.Overview(At(100), TimeSpan.FromHours(1)).Processes.Single().Open);
    }

    [Fact]
    public void Check_PastDeadlineThenLateCompletion_StuckOnceThenResolvedOnce()
    {
        var tracker = new ConversationTracker(Orders(TimeSpan.FromSeconds(30)), _time);
        var order = _traffic.Order("o1", 0, shipAfterMs: 45_000);
        tracker.Observe(order.Take(3).ToList());

        Assert.Empty(tracker.Check(At(30_000)));
        var stuck = tracker.Check(At(31_000));
        var again = tracker.Check(At(32_000));
        tracker.Observe([order[3]]);
        var resolved = tracker.Check(At(46_000));
        var after = tracker.Check(At(47_000));

        var alert = Assert.Single(stuck);
        Assert.Equal(ConversationAlertKind.Stuck, alert.Kind);
        Assert.Equal(ConversationStatus.Stuck, alert.Conversation.Status);
        Assert.Equal(At(30_000), alert.Conversation.DueAt);
        Assert.Empty(again);
        var resolution = Assert.Single(resolved);
        Assert.Equal(ConversationAlertKind.Resolved, resolution.Kind);
        Assert.Empty(after);
        var info = tracker.Find("o1")!;
        Assert.Equal(ConversationStatus.Completed, info.Status);
        Assert.True(info.LateCompletion);
        Assert.Equal(At(31_000), info.StuckSince);
    }

    [Fact]
    public void Observe_DeadLetterOfAStep_Fails()
    {
        var tracker = new ConversationTracker(Orders(), _time);
        var withHeaders = _traffic.Message("o1-3-dead", "ShipOrder", 500, "o1", topic: "shipping-retry",
            deadLetterOf: new DeadLetterOrigin("shipping.commands", 0, 0, "boom"));
        var onDeadLetterTopic = _traffic.Message("o2-3-dead", "ShipOrder", 700, "o2", topic: "shipping.commands.dlt");

        tracker.Observe([.. _traffic.Order("o1", 0, shipped: false), .. _traffic.Order("o2", 0, shipped: false)]);
        tracker.Observe([withHeaders, onDeadLetterTopic]);

        Assert.Equal((ConversationStatus.Failed, At(500)), (tracker.Find("o1")!.Status, tracker.Find("o1")!.EndedAt));
        Assert.Equal((ConversationStatus.Failed, At(700)), (tracker.Find("o2")!.Status, tracker.Find("o2")!.EndedAt));
        Assert.Equal(2, tracker.Overview(At(1_000), TimeSpan.FromHours(1)).Processes.Single().Failed);
    }

    [Fact]
    public void Observe_MessagesAfterTerminal_OnlyUpdateLastSeen()
    {
        var tracker = new ConversationTracker(Orders(), _time);

        tracker.Observe([.. _traffic.Order("o1", 0), _traffic.Message("late", "OrderCancelled", 5_000, "o1")]);

        var info = tracker.Find("o1")!;
        Assert.Equal(ConversationStatus.Completed, info.Status);
        Assert.Equal(At(1_000), info.EndedAt);
        Assert.Equal(At(5_000), info.LastSeenAt);
        Assert.Equal(5, info.Messages);
    }

    [Fact]
    public void Observe_FailureTypeByName_Fails()
    {
        var tracker = new ConversationTracker(Orders(), _time);

        tracker.Observe([.. _traffic.Order("o1", 0, shipped: false), _traffic.Message("p", "PaymentFailed", 300, "o1")]);

        Assert.Equal(ConversationStatus.Failed, tracker.Find("o1")!.Status);
    }

    [Fact]
    public void Observe_CorrelationWithoutCausationIds_IsTrackedAndLearnsOrder()
    {
        var tracker = new ConversationTracker(Orders(), _time);

        tracker.Observe([
            _traffic.Message("a", "PlaceOrder", 0, "o1"),
            _traffic.Message("b", "ShipOrder", 10, "o1", source: "orders-service"),
            _traffic.Message("c", "OrderShipped", 20, "o1", source: "shipping-service"),
            _traffic.Message("d", "PlaceOrder", 100, "o2"),
            _traffic.Message("e", "ShipOrder", 110, "o2", source: "orders-service"),
        ]);

        Assert.Equal(ConversationStatus.Completed, tracker.Find("o1")!.Status);
        var open = tracker.Find("o2")!;
        Assert.Equal(ConversationStatus.Open, open.Status);
        Assert.Equal("ShipOrder never answered by shipping-service", open.WhereStopped);
    }

    [Fact]
    public void Observe_CausationOnly_LinksByCauseUnderTheStartMessageId()
    {
        var tracker = new ConversationTracker(Orders(), _time);

        tracker.Observe([
            _traffic.Message("s1", "PlaceOrder", 0),
            _traffic.Message("s2", "OrderPlaced", 10, causedBy: "s1"),
            _traffic.Message("noise", "Heartbeat", 15),
            _traffic.Message("s3", "OrderShipped", 20, causedBy: "s2"),
        ]);

        var info = tracker.Find("s1")!;
        Assert.Equal(ConversationStatus.Completed, info.Status);
        Assert.Equal(3, info.Messages);
        Assert.Equal(1, tracker.IgnoredMessages);
    }

    [Fact]
    public void Observe_BeyondCap_DropsOldestStartedAndCountsThem()
    {
        var tracker = new ConversationTracker(Orders(cap: 3), _time);

        tracker.Observe([
            _traffic.Message("b", "PlaceOrder", 200, "o-b"),
            _traffic.Message("a", "PlaceOrder", 100, "o-a"),
            _traffic.Message("c", "PlaceOrder", 300, "o-c"),
            _traffic.Message("d", "PlaceOrder", 400, "o-d"),
            _traffic.Message("e", "PlaceOrder", 500, "o-e"),
        ]);

        var overview = tracker.Overview(At(1_000), TimeSpan.FromHours(1));
        Assert.Equal(3, overview.Tracked);
        Assert.Equal(2, overview.Overflowed);
        Assert.Null(tracker.Find("o-a"));
        Assert.Null(tracker.Find("o-b"));
        Assert.Equal(["o-e", "o-d", "o-c"], tracker.Conversations("orders", ConversationStatus.Open, 10).Select(c => c.Key));
    }

    [Fact]
    public void Observe_RedeliveredBatch_IsSkippedByPositions()
    {
        var tracker = new ConversationTracker(Orders(), _time);
        var batch = _traffic.Order("o1", 0, shipped: false);
        var redelivered = batch.Select(e => _traffic.Message(e.MessageId + "-copy", e.MessageType, 50, "o1", topic: e.Topic, offset: e.Offset)).ToList();

        tracker.Observe(batch);
        tracker.Observe(redelivered);

        Assert.Equal(3, tracker.Find("o1")!.Messages);
        Assert.Equal(1, tracker.Positions[new(("orders.events"), 0)]);
        Assert.Equal(3, tracker.Overview(At(100), TimeSpan.FromHours(1)).MessagesObserved);
    }
}
