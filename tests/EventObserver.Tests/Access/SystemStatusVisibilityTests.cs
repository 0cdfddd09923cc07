using EventObserver.Access;
using EventObserver.Access.Options;
using EventObserver.Access.Topics;
using EventObserver.Features.Status;
using EventObserver.Kafka.Ingestion;

namespace EventObserver.Tests.Access;

public sealed class SystemStatusVisibilityTests
{
    private static readonly SystemStatus Status = new()
    {
        BrokerState = BrokerState.Unreachable,
        Embedded = false,
        BootstrapServers = "b:9092",
        Lag = 5,
        EventsPerSec = 2,
        IndexedEvents = 30,
        IndexSizeBytes = 1000,
        TopicCounts = new Dictionary<string, long>(StringComparer.Ordinal) { ["shop.orders"] = 10, ["hr.salaries"] = 20 },
        LastError = "Subscribed topic not available: hr.salaries",
        RetentionGaps = 1,
        MessagesLost = 100,
    };

    [Fact]
    public void VisibleTo_UserWhoReadsEveryTopic_IsTheSameStatus()
    {
        Assert.Same(Status, Status.VisibleTo(UserAccess.System));
    }

    [Fact]
    public void VisibleTo_RestrictedUser_CountsReadableTopicsAndDropsTheFreeTextError()
    {
        var rules = new TopicAccessRules([new TopicAccessRule { Group = "shop", Allow = [@"shop\..*"] }]);
        var access = new UserAccess("vera", isAuthenticated: true, [AccessRoles.Viewer],
            rules.For(new HashSet<string>([AccessRoles.Viewer], StringComparer.Ordinal), new HashSet<string>(["shop"], StringComparer.Ordinal)), seesRawValues: false);

        var visible = Status.VisibleTo(access);

        Assert.Equal(["shop.orders"], visible.TopicCounts.Keys);
        Assert.Null(visible.LastError);
        Assert.DoesNotContain(visible.Reasons, r => r.Contains("hr.salaries", StringComparison.Ordinal));
        Assert.Equal((30L, 5L, 100L), (visible.IndexedEvents, visible.Lag, visible.MessagesLost));
    }
}
