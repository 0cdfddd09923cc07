using System.Text;

using EventObserver.Core.Envelopes;
using EventObserver.Tests.Infrastructure;

namespace EventObserver.Tests.Conventions;

/// <summary>
/// One app whose index holds crafted traffic relative to now: a well-behaved order conversation, a shipping event
/// without a causation id, a legacy warehouse service with badly named messages, untyped log lines on a topic with
/// no source, a tombstone, and one old message only the 24 h window sees.
/// </summary>
public sealed class ConventionsFixture : IDisposable
{
    public const string Orders = "/shop/order-service";
    public const string Shipping = "/shop/shipping-service";
    public const string Warehouse = "warehouse-sync";
    public const string AuditTopic = "audit.log";
    public const string OldTopic = "legacy.events";

    public ConventionsFixture()
    {
        Now = DateTimeOffset.UtcNow;
        var halfHourAgo = Now.AddMinutes(-30);
        var fiveMinutesAgo = Now.AddMinutes(-5);
        Factory.Seed(
            Message("orders.commands", 0, halfHourAgo, "PlaceOrder", MessageKind.Command, Orders, "c-1", null),
            Message("orders.events", 0, halfHourAgo.AddSeconds(1), "OrderPlaced", MessageKind.Event, Orders, "c-1", "orders.commands/0/0"),
            Message("shipping.events", 0, halfHourAgo.AddSeconds(2), "OrderShipped", MessageKind.Event, Shipping, "c-1", null),
            Message("inventory.events", 0, halfHourAgo.AddSeconds(3), "UpdateStockLevel", MessageKind.Event, Warehouse, null, null),
            Message("inventory.events", 1, fiveMinutesAgo, "UpdateStockLevel", MessageKind.Event, Warehouse, null, null),
            Message("inventory.commands", 0, fiveMinutesAgo.AddSeconds(1), "InventoryRecount", MessageKind.Command, Warehouse, "c-9", null),
            Message(AuditTopic, 0, fiveMinutesAgo.AddSeconds(2), null, MessageKind.Message, null, null, null, PayloadFormat.Text),
            Message(AuditTopic, 1, fiveMinutesAgo.AddSeconds(3), null, MessageKind.Message, null, null, null, PayloadFormat.Binary),
            Message("orders.events", 1, fiveMinutesAgo.AddSeconds(4), null, MessageKind.Message, null, null, null, PayloadFormat.Tombstone),
            Message(OldTopic, 0, Now.AddHours(-2), "DoThing", MessageKind.Event, null, "c-old", "x"));
        Client = Factory.CreateClient();
    }

    /// <summary>Messages in the last hour, tombstone included.</summary>
    public const int InLastHour = 9;

    public DateTimeOffset Now { get; }

    public SeededAppFactory Factory { get; } = new();

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }

    private static EventEnvelope Message(
        string topic, long offset, DateTimeOffset at, string? type, MessageKind kind, string? source, string? correlation, string? causation,
        PayloadFormat format = PayloadFormat.Json) => new()
        {
            Topic = topic,
            Partition = 0,
            Offset = offset,
            TimestampMs = at.ToUnixTimeMilliseconds(),
            TimestampKind = TimestampKind.CreateTime,
            Payload = format switch
            {
                PayloadFormat.Tombstone => null,
                PayloadFormat.Binary => [0x00, 0xff, 0x10],
                PayloadFormat.Text => Encoding.UTF8.GetBytes("INFO reconciliation finished"),
                _ => Encoding.UTF8.GetBytes("{}"),
            },
            PayloadFormat = format,
            MessageId = $"{topic}/0/{offset}",
            MessageIdDerived = type is null,
            MessageType = type,
            Kind = kind,
            CorrelationId = correlation,
            CausationId = causation,
            Source = source,
        };
}
