using EventObserver.Core.Conversations;

namespace EventObserver.Tests.Monitoring.Webhooks;

/// <summary>Alerts as the tracker raises them: an order stuck after ShipOrder, and its late completion.</summary>
internal static class Alerts
{
    public static readonly TimeSpan Within = TimeSpan.FromMinutes(1);

    public static ConversationAlert Stuck(string key, DateTimeOffset at)
    {
        var started = at - TimeSpan.FromMinutes(2);
        return new ConversationAlert(ConversationAlertKind.Stuck, new ConversationInfo
        {
            Key = key,
            Process = "PlaceOrder",
            Status = ConversationStatus.Stuck,
            StartedAt = started,
            LastSeenAt = started.AddSeconds(3),
            DueAt = started + Within,
            StuckSince = at,
            Messages = 7,
            Last = new ConversationStep("ShipOrder", "order-service", "shipping-commands", 1, 42, "msg-ship", started.AddSeconds(3)),
            Expected = new ExpectedReaction("OrderShipped", "shipping-service", 1204, 0.97),
            Topics = ["order-commands", "shipping-commands"],
        }, at);
    }

    public static ConversationAlert Resolved(ConversationAlert stuck, DateTimeOffset at)
    {
        var conversation = stuck.Conversation with
        {
            Status = ConversationStatus.Completed,
            EndedAt = at,
            LastSeenAt = at,
            LateCompletion = true,
            Messages = 10,
            Last = new ConversationStep("OrderCompleted", "order-service", "order-events", 0, 7, "msg-done", at),
            Expected = null,
        };
        return new ConversationAlert(ConversationAlertKind.Resolved, conversation, at);
    }
}
