using EventObserver.Core.Conversations;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Core.Tests.Conversations;

public sealed class ConversationTrackerDeadlineTests
{
    private readonly FakeTimeProvider _time = new(ConversationTraffic.Epoch);
    private readonly ConversationTraffic _traffic = new();

    private static MonitoringOptions Orders(TimeSpan? within) => new()
    {
        InferProcesses = false,
        SuggestAfterCompleted = 20,
        MinimumSuggestedDeadline = TimeSpan.FromSeconds(30),
        Processes = [new ProcessOptions { Name = "orders", Start = "PlaceOrder", Done = ["OrderShipped"], Within = within }],
    };

    private ProcessSummary CompleteOrders(ConversationTracker tracker, IEnumerable<long> durationsMs)
    {
        var i = 0;
        foreach (var duration in durationsMs)
        {
            var c = $"o{i++}";
            tracker.Observe([
                _traffic.Message(c + "-1", "PlaceOrder", i * 1_000L, c),
                _traffic.Message(c + "-2", "OrderShipped", (i * 1_000L) + duration, c, c + "-1"),
            ]);
        }

        var now = ConversationTraffic.Epoch.AddHours(1);
        tracker.Check(now);
        return tracker.Overview(now, TimeSpan.FromDays(1)).Processes.Single();
    }

    [Fact]
    public void Suggestion_FewerCompletionsThanRequired_NoneAndNothingStuck()
    {
        var tracker = new ConversationTracker(Orders(within: null), _time);

        var summary = CompleteOrders(tracker, Enumerable.Repeat(40_000L, 19));

        Assert.Null(summary.SuggestedWithin);
        Assert.Equal(DeadlineSource.None, summary.DeadlineSource);
        Assert.Null(summary.Within);
    }

    [Fact]
    public void Suggestion_Minutes_IsP99RoundedUpToWholeMinutes()
    {
        var tracker = new ConversationTracker(Orders(within: null), _time);

        // 1.5 s … 100.5 s: the nearest-rank p99 of 100 values is the 99th, 99.5 s → 2 min.
        var summary = CompleteOrders(tracker, Enumerable.Range(1, 100).Select(s => (s * 1_000L) + 500));

        Assert.Equal(TimeSpan.FromMinutes(2), summary.SuggestedWithin);
        Assert.Equal(TimeSpan.FromMinutes(2), summary.Within);
        Assert.Equal(DeadlineSource.Suggested, summary.DeadlineSource);
        Assert.Equal(100, summary.SuggestionBasis);
    }

    [Fact]
    public void Suggestion_Seconds_IsP99RoundedUpToWholeSeconds()
    {
        var tracker = new ConversationTracker(Orders(within: null), _time);

        var summary = CompleteOrders(tracker, [.. Enumerable.Repeat(10_000L, 30), 40_200]);

        Assert.Equal(TimeSpan.FromSeconds(41), summary.SuggestedWithin);
    }

    [Fact]
    public void Suggestion_ShortDurations_NeverBelowTheFloor()
    {
        var tracker = new ConversationTracker(Orders(within: null), _time);

        var summary = CompleteOrders(tracker, Enumerable.Repeat(2_000L, 25));

        Assert.Equal(TimeSpan.FromSeconds(30), summary.SuggestedWithin);
    }

    [Fact]
    public void Suggestion_WithConfiguredDeadline_ShownBesideIt()
    {
        var tracker = new ConversationTracker(Orders(TimeSpan.FromMinutes(5)), _time);

        var summary = CompleteOrders(tracker, Enumerable.Repeat(50_000L, 25));

        Assert.Equal(TimeSpan.FromMinutes(5), summary.Within);
        Assert.Equal(DeadlineSource.Configured, summary.DeadlineSource);
        Assert.Equal(TimeSpan.FromSeconds(50), summary.SuggestedWithin);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(60, false)]
    public void Check_ConfiguredDeadline_DecidesWhatIsStuck(int withinSeconds, bool stuck)
    {
        var tracker = new ConversationTracker(Orders(TimeSpan.FromSeconds(withinSeconds)), _time);
        tracker.Observe(_traffic.Order("o1", 0, shipped: false));

        var alerts = tracker.Check(ConversationTraffic.Epoch.AddSeconds(30));

        Assert.Equal(stuck, alerts.Any(a => a.Kind == ConversationAlertKind.Stuck && a.Conversation.Key == "o1"));
        Assert.Equal(stuck ? ConversationStatus.Stuck : ConversationStatus.Open, tracker.Find("o1")!.Status);
    }

    [Fact]
    public void Check_SuggestedDeadline_MakesSlowConversationsStuck()
    {
        var tracker = new ConversationTracker(Orders(within: null), _time);
        CompleteOrders(tracker, Enumerable.Repeat(20_000L, 25));
        var start = ConversationTraffic.Epoch.AddHours(2);
        tracker.Observe([_traffic.Message("slow-1", "PlaceOrder", (long)TimeSpan.FromHours(2).TotalMilliseconds, "slow")]);

        Assert.Empty(tracker.Check(start.AddSeconds(30)));
        var alert = Assert.Single(tracker.Check(start.AddSeconds(31)));

        Assert.Equal("slow", alert.Conversation.Key);
        Assert.Equal(start.AddSeconds(30), alert.Conversation.DueAt);
    }

    [Fact]
    public void Expected_LearnedFromCausation_NamesTheUsualReactionAndItsShare()
    {
        var tracker = new ConversationTracker(Orders(TimeSpan.FromMinutes(1)), _time);
        for (var i = 0; i < 3; i++)
        {
            tracker.Observe(_traffic.Order($"done-{i}", i * 100));
        }

        tracker.Observe([
            _traffic.Message("x-1", "PlaceOrder", 1_000, "other"),
            _traffic.Message("x-2", "ShipOrder", 1_010, "other", "x-1", "orders-service"),
            _traffic.Message("x-3", "OrderHeld", 1_020, "other", "x-2", "warehouse"),
        ]);
        tracker.Observe(_traffic.Order("waiting", 2_000, shipped: false));

        var info = tracker.Find("waiting")!;
        Assert.Equal("ShipOrder never answered by shipping-service", info.WhereStopped);
        Assert.Equal(new ExpectedReaction("OrderShipped", "shipping-service", 3, 0.75, "shipping.events"), info.Expected);
        Assert.Null(tracker.Find("done-0")!.Expected);
    }

    [Fact]
    public void WhereStopped_ReactionNamesNoSource_NamesItByItsTopicAsTheFlowMapsLaneDoes()
    {
        var tracker = new ConversationTracker(Orders(TimeSpan.FromMinutes(1)), _time);
        for (var i = 0; i < 3; i++)
        {
            tracker.Observe([
                .. _traffic.Order($"done-{i}", i * 100, shipped: false),
                _traffic.Message($"done-{i}-4", "OrderShipped", (i * 100) + 50, $"done-{i}", $"done-{i}-3", topic: "shipping.events"),
            ]);
        }

        tracker.Observe(_traffic.Order("waiting", 2_000, shipped: false));

        var info = tracker.Find("waiting")!;
        Assert.Equal("ShipOrder never answered by OrderShipped on shipping.events", info.WhereStopped);
        Assert.Equal(ConversationStatus.Completed, tracker.Find("done-2")!.Status);
    }
}
