namespace EventObserver.Kafka.Demo;

/// <summary>
/// Who reads what in the demo shop, as <see cref="OrderScenario"/> writes it: each service consumes the commands sent to
/// it and the events it reacts to; analytics reads every event topic as a nightly-batch job would; legacy-reporting
/// read the order events for a while and was switched off (no members, growing lag: a group an Admin may reset).
/// </summary>
public static class DemoGroups
{
    public const string OrderService = "order-service";
    public const string InventoryService = "inventory-service";
    public const string PaymentService = "payment-service";
    public const string ShippingService = "shipping-service";
    public const string NotificationService = "notification-service";
    public const string Analytics = "analytics";
    public const string LegacyReporting = "legacy-reporting";

    /// <summary>How long legacy-reporting runs before it is switched off.</summary>
    public static readonly TimeSpan LegacyReportingRunsFor = TimeSpan.FromSeconds(45);

    public static IReadOnlyList<DemoServiceGroup> All { get; } =
    [
        new(OrderService, [DemoTopics.OrderCommands, DemoTopics.PaymentEvents, DemoTopics.InventoryEvents, DemoTopics.ShippingEvents]),
        new(InventoryService, [DemoTopics.InventoryCommands]),
        new(PaymentService, [DemoTopics.PaymentCommands]),
        new(ShippingService, [DemoTopics.ShippingCommands]),
        new(NotificationService, [DemoTopics.Notifications, DemoTopics.OrderEvents, DemoTopics.ShippingEvents]),
        new(Analytics, [DemoTopics.OrderEvents, DemoTopics.InventoryEvents, DemoTopics.PaymentEvents, DemoTopics.ShippingEvents], IsSlow: true),
        new(LegacyReporting, [DemoTopics.OrderEvents], RetireAfter: LegacyReportingRunsFor),
    ];

    public static DemoServiceGroup? Find(string groupId) => All.FirstOrDefault(g => g.GroupId == groupId);
}
