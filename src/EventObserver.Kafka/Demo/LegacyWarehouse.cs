using Confluent.Kafka;

namespace EventObserver.Kafka.Demo;

/// <summary>
/// A legacy warehouse sync job beside the shop, as most real estates have one: it names its messages its own way
/// (an event named like a command, a command named like a noun) and sends stock updates without a correlation id.
/// It gives the Conventions page something to find; the shop's order chains are untouched.
/// </summary>
internal static class LegacyWarehouse
{
    public const string Service = "warehouse-sync";
    public const string StockEventType = "UpdateStockLevel";
    public const string RecountCommandType = "InventoryRecount";

    /// <summary>Sends the legacy message due for the <paramref name="orderNumber"/>-th order, if any (two in ten orders).</summary>
    public static Task SendDueAsync(DemoSender sender, long orderNumber, CancellationToken ct) => (orderNumber % 10) switch
    {
        5 => StockLevelAsync(sender, ct),
        8 => RecountAsync(sender, ct),
        _ => Task.CompletedTask,
    };

    /// <summary>A stock change published on the events topic under a command-like name, with no correlation id.</summary>
    public static Task StockLevelAsync(DemoSender sender, CancellationToken ct)
    {
        var line = DemoCatalog.NewLines()[0];
        var headers = Headers(StockEventType, correlationId: null);
        var value = DemoEnvelopes.Serialize(new { sku = line.Sku, warehouse = DemoCatalog.Warehouse(), onHand = Random.Shared.Next(0, 400), syncedAt = sender.Time.GetUtcNow() });
        return sender.ProduceAsync(DemoTopics.InventoryEvents, line.Sku, value, headers, ct);
    }

    /// <summary>A nightly-recount request named like a noun; it starts its own conversation.</summary>
    public static Task RecountAsync(DemoSender sender, CancellationToken ct)
    {
        var warehouse = DemoCatalog.Warehouse();
        var headers = Headers(RecountCommandType, correlationId: Guid.NewGuid().ToString("N"));
        var value = DemoEnvelopes.Serialize(new { warehouse, zone = $"Z{Random.Shared.Next(1, 9)}", requestedBy = Service });
        return sender.ProduceAsync(DemoTopics.InventoryCommands, warehouse, value, headers, ct);
    }

    private static Headers Headers(string type, string? correlationId)
    {
        var headers = new Headers();
        DemoEnvelopes.Add(headers, "message-id", Guid.NewGuid().ToString());
        DemoEnvelopes.Add(headers, "message-type", type);
        DemoEnvelopes.Add(headers, "source", Service);
        if (correlationId is not null)
        {
            DemoEnvelopes.Add(headers, "correlation-id", correlationId);
        }

        DemoEnvelopes.Add(headers, "content-type", "application/json");
        return headers;
    }
}
