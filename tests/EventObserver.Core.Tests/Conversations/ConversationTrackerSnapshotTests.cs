using System.Text;
using EventObserver.Core.Conversations;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Core.Tests.Conversations;

public sealed class ConversationTrackerSnapshotTests
{
    private readonly FakeTimeProvider _time = new(ConversationTraffic.Epoch);
    private readonly ConversationTraffic _traffic = new();

    private static MonitoringOptions Options(TimeSpan within) => new()
    {
        Processes = [new ProcessOptions { Name = "orders", Start = "PlaceOrder", Done = ["OrderShipped"], Within = within }],
    };

    /// <summary>A configured process with completed, stuck and open orders, and an inferred sign-up process.</summary>
    private ConversationTracker Busy()
    {
        var tracker = new ConversationTracker(Options(TimeSpan.FromSeconds(30)), _time);
        for (var i = 0; i < 6; i++)
        {
            tracker.Observe([
                _traffic.Message($"u{i}-1", "RegisterUser", i * 100L, $"user-{i}", topic: "users"),
                _traffic.Message($"u{i}-2", "WelcomeEmailSent", (i * 100L) + 50, $"user-{i}", $"u{i}-1", topic: "mail"),
            ]);
        }

        tracker.Observe(_traffic.Order("done", 0));
        tracker.Observe(_traffic.Order("stuck", 1_000, shipped: false));
        _time.Advance(TimeSpan.FromMinutes(3));
        tracker.Check(_time.GetUtcNow());
        var recent = (long)(_time.GetUtcNow() - ConversationTraffic.Epoch).TotalMilliseconds;
        tracker.Observe(_traffic.Order("open", recent, shipped: false));
        tracker.Observe([_traffic.Message("orphan", "Something", recent, "no-process")]);
        return tracker;
    }

    [Fact]
    public void ImportSnapshot_AfterRestart_SameConversationsProcessesAndPositions()
    {
        var before = Busy();
        var now = _time.GetUtcNow();
        var snapshot = before.ExportSnapshot();

        var after = new ConversationTracker(Options(TimeSpan.FromSeconds(30)), _time);
        after.ImportSnapshot(snapshot);

        Assert.Equal(before.Positions.OrderBy(p => p.Key.ToString()), after.Positions.OrderBy(p => p.Key.ToString()));
        var processesBefore = before.Overview(now, TimeSpan.FromDays(1));
        var processesAfter = after.Overview(now, TimeSpan.FromDays(1));
        Assert.Equal(Describe(processesBefore), Describe(processesAfter));
        Assert.Contains("RegisterUser", Describe(processesAfter));
        foreach (var process in processesBefore.Processes)
        {
            foreach (ConversationStatus? status in new ConversationStatus?[] { null, ConversationStatus.Completed, ConversationStatus.Failed })
            {
                Assert.Equal(before.Conversations(process.Name, status, 100), after.Conversations(process.Name, status, 100), ConversationComparer.Instance);
            }
        }

        Assert.Equal(ConversationStatus.Stuck, after.Find("stuck")!.Status);
        Assert.Equal(ConversationStatus.Open, after.Find("open")!.Status);
        Assert.Equal(snapshot, after.ExportSnapshot());
    }

    [Fact]
    public void ImportSnapshot_StuckThenCompletedAfterRestart_ResolvedOnce()
    {
        var before = Busy();
        var after = new ConversationTracker(Options(TimeSpan.FromSeconds(30)), _time);
        after.ImportSnapshot(before.ExportSnapshot());

        after.Observe([_traffic.Message("stuck-4", "OrderShipped", 200_000, "stuck", "stuck-3", "shipping-service")]);
        var alerts = after.Check(_time.GetUtcNow());

        var resolved = Assert.Single(alerts);
        Assert.Equal((ConversationAlertKind.Resolved, "stuck"), (resolved.Kind, resolved.Conversation.Key));
        Assert.True(after.Find("stuck")!.LateCompletion);
    }

    [Fact]
    public void ImportSnapshot_RedeliveredBatchAfterRestart_IsSkipped()
    {
        var tracker = new ConversationTracker(Options(TimeSpan.FromMinutes(1)), _time);
        var batch = _traffic.Order("o1", 0, shipped: false);
        tracker.Observe(batch);
        var restarted = new ConversationTracker(Options(TimeSpan.FromMinutes(1)), _time);
        restarted.ImportSnapshot(tracker.ExportSnapshot());

        restarted.Observe(batch);

        Assert.Equal(3, restarted.Find("o1")!.Messages);
    }

    [Fact]
    public void ImportSnapshot_LongerConfiguredDeadlineAfterRestart_AppliesToOpenConversations()
    {
        var tracker = new ConversationTracker(Options(TimeSpan.FromSeconds(10)), _time);
        tracker.Observe(_traffic.Order("o1", 0, shipped: false));
        var restarted = new ConversationTracker(Options(TimeSpan.FromMinutes(5)), _time);
        restarted.ImportSnapshot(tracker.ExportSnapshot());

        var alerts = restarted.Check(ConversationTraffic.Epoch.AddMinutes(1));

        Assert.Empty(alerts);
        Assert.Equal(ConversationTraffic.Epoch.AddMinutes(5), restarted.Find("o1")!.DueAt);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"version\":99}")]
    [InlineData("[1,2,3]")]
    public void ImportSnapshot_Garbage_ThrowsFormatException(string text)
    {
        var tracker = new ConversationTracker(Options(TimeSpan.FromMinutes(1)), _time);

        Assert.Throws<FormatException>(() => tracker.ImportSnapshot(Encoding.UTF8.GetBytes(text)));
    }

    private static string Describe(ConversationsOverview o) =>
        $"{o.Tracked}/{o.Capacity}/{o.Overflowed}/{o.Unassigned}/{o.MessagesObserved}|" + string.Join("|", o.Processes.Select(p =>
            $"{p.Name},{p.Start},{string.Join('+', p.DoneTypes)},{string.Join('+', p.FailedTypes)},{string.Join('+', p.Topics)},{p.Configured},"
            + $"{p.Within},{p.DeadlineSource},{p.SuggestedWithin},{p.SuggestionBasis},{p.Started},{p.Completed},{p.Failed},{p.Open},{p.Stuck},"
            + $"{p.DurationP50Ms},{p.DurationP95Ms},{string.Join('+', p.StuckOverTime)}"));

    private sealed class ConversationComparer : IEqualityComparer<ConversationInfo>
    {
        public static readonly ConversationComparer Instance = new();

        public bool Equals(ConversationInfo? x, ConversationInfo? y) =>
            x is not null && y is not null && (x with { Topics = [] }) == (y with { Topics = [] }) && x.Topics.SequenceEqual(y.Topics);

        public int GetHashCode(ConversationInfo obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
