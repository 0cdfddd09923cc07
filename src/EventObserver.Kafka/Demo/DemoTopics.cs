namespace EventObserver.Kafka.Demo;

/// <summary>The topics of the demo shop. The embedded broker creates them at start.</summary>
public static class DemoTopics
{
    public const string OrderCommands = "orders.commands";
    public const string OrderEvents = "orders.events";
    public const string InventoryCommands = "inventory.commands";
    public const string InventoryEvents = "inventory.events";
    public const string PaymentCommands = "payments.commands";
    public const string PaymentEvents = "payments.events";
    public const string ShippingCommands = "shipping.commands";
    public const string ShippingEvents = "shipping.events";
    public const string Notifications = "notifications";
    public const string DeadLetters = "orders.dlt";

    /// <summary>Where odd messages land: plain text, binary bytes.</summary>
    public const string AuditLog = "audit.log";

    public static IReadOnlyList<string> All { get; } =
    [
        OrderCommands, OrderEvents, InventoryCommands, InventoryEvents, PaymentCommands, PaymentEvents,
        ShippingCommands, ShippingEvents, Notifications, DeadLetters, AuditLog,
    ];
}
