using EventObserver.Core.Conversations;

namespace EventObserver.TestSupport.Conversations;

/// <summary>
/// A shop whose "PlaceOrder" process runs over shop.orders and shop.shipping (one conversation also touched vault.ledger)
/// and an "AuditLedger" process over vault.ledger only.
/// </summary>
public static class ConversationSamples
{
    public const string Shop = "PlaceOrder";
    public const string Ledger = "AuditLedger";

    public static void Fill(FakeConversationView view, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        view.Current = new ConversationsOverview
        {
            Tracked = 3,
            Capacity = 100_000,
            Overflowed = 7,
            Unassigned = 2,
            MessagesObserved = 1234,
            Processes =
            [
                new ProcessSummary
                {
                    Name = Shop,
                    Start = "PlaceOrder",
                    DoneTypes = ["OrderCompleted"],
                    FailedTypes = ["OrderCancelled"],
                    Topics = ["shop.orders", "shop.shipping"],
                    Configured = true,
                    Within = TimeSpan.FromMinutes(2),
                    DeadlineSource = DeadlineSource.Configured,
                    SuggestedWithin = TimeSpan.FromSeconds(45),
                    SuggestionBasis = 312,
                    Started = 40,
                    Completed = 30,
                    Failed = 4,
                    Open = 1,
                    Stuck = 2,
                    DurationP50Ms = 1500,
                    DurationP95Ms = 9000,
                    StuckOverTime = [new StuckPoint(now.AddMinutes(-2), 1), new StuckPoint(now.AddMinutes(-1), 2)],
                },
                new ProcessSummary
                {
                    Name = Ledger,
                    Start = "PostLedgerEntry",
                    Topics = ["vault.ledger"],
                    DeadlineSource = DeadlineSource.Suggested,
                    Within = TimeSpan.FromSeconds(45),
                    SuggestedWithin = TimeSpan.FromSeconds(45),
                    SuggestionBasis = 312,
                    Stuck = 1,
                },
            ],
        };
        view.Tracked.Clear();
        view.Tracked.AddRange(
        [
            Conversation("order-stuck", Shop, ConversationStatus.Stuck, now.AddMinutes(-5), "ShipOrder", "order-service", "shop.shipping", 42,
                new ExpectedReaction("OrderShipped", "shipping-service", 1204, 0.97), stuckSince: now.AddMinutes(-3)),
            Conversation("order-secret", Shop, ConversationStatus.Stuck, now.AddMinutes(-4), "ChargeLedger", "order-service", "vault.ledger", 7, null,
                stuckSince: now.AddMinutes(-2), topics: ["shop.orders", "vault.ledger"]),
            Conversation("order-open", Shop, ConversationStatus.Open, now.AddSeconds(-20), "OrderPlaced", "order-service", "shop.orders", 50, null),
            Conversation("order-done", Shop, ConversationStatus.Completed, now.AddMinutes(-9), "OrderCompleted", "order-service", "shop.orders", 51, null,
                ended: now.AddMinutes(-6), late: true, stuckSince: now.AddMinutes(-7)),
            Conversation("ledger-stuck", Ledger, ConversationStatus.Stuck, now.AddMinutes(-8), "PostLedgerEntry", "ledger", "vault.ledger", 3, null,
                stuckSince: now.AddMinutes(-7), topics: ["vault.ledger"]),
        ]);
    }

    public static ConversationInfo Conversation(
        string key, string process, ConversationStatus status, DateTimeOffset startedAt, string lastType, string? source, string topic, long offset,
        ExpectedReaction? expected, DateTimeOffset? ended = null, bool late = false, DateTimeOffset? stuckSince = null, IReadOnlyList<string>? topics = null)
    {
        var last = new ConversationStep(lastType, source, topic, 0, offset, key + "-last", startedAt.AddSeconds(30));
        return new ConversationInfo
        {
            Key = key,
            Process = process,
            Status = status,
            StartedAt = startedAt,
            LastSeenAt = last.Timestamp,
            EndedAt = ended,
            DueAt = startedAt.AddMinutes(2),
            StuckSince = stuckSince,
            LateCompletion = late,
            Messages = 6,
            Last = last,
            Expected = expected,
            Topics = topics ?? (topic == "shop.orders" ? ["shop.orders"] : ["shop.orders", topic]),
        };
    }
}
