using System.Text;
using Confluent.Kafka;

namespace EventObserver.Kafka.Demo;

/// <summary>
/// The messages real clusters also carry: a plain-text log line, raw binary bytes with a binary
/// header, a tombstone for an order key, and a very large JSON document.
/// </summary>
internal static class DemoOddities
{
    public const int LargeJsonBytes = 300 * 1024;

    /// <summary>Sends the odd message due for the <paramref name="orderNumber"/>-th order, if any.</summary>
    public static Task SendDueAsync(DemoSender sender, long orderNumber, CancellationToken ct)
    {
        if (orderNumber % 20 == 3)
        {
            return PlainTextAsync(sender, ct);
        }

        if (orderNumber % 30 == 7)
        {
            return BinaryAsync(sender, ct);
        }

        if (orderNumber % 25 == 11)
        {
            return TombstoneAsync(sender, ct);
        }

        if (orderNumber % 150 == 19)
        {
            return LargeJsonAsync(sender, ct);
        }

        return Task.CompletedTask;
    }

    public static Task PlainTextAsync(DemoSender sender, CancellationToken ct)
    {
        var line = $"{sender.Time.GetUtcNow():yyyy-MM-dd HH:mm:ss.fff} INFO  [order-service] reconciliation run finished: {Random.Shared.Next(50, 500)} orders checked, 0 mismatches";
        return sender.ProduceAsync(DemoTopics.AuditLog, "reconciliation", Encoding.UTF8.GetBytes(line), [], ct);
    }

    public static Task BinaryAsync(DemoSender sender, CancellationToken ct)
    {
        var value = new byte[Random.Shared.Next(64, 512)];
        Random.Shared.NextBytes(value);
        value[0] = 0x00;
        value[1] = 0xFF;
        var checksum = new byte[4];
        Random.Shared.NextBytes(checksum);
        var headers = new Headers { { "checksum", checksum }, { "encoding", Encoding.UTF8.GetBytes("application/x-protobuf") } };
        return sender.ProduceAsync(DemoTopics.AuditLog, "metrics-snapshot", value, headers, ct);
    }

    /// <summary>A tombstone: the key of an order that was archived, no value.</summary>
    public static Task TombstoneAsync(DemoSender sender, CancellationToken ct) =>
        sender.ProduceAsync(DemoTopics.OrderEvents, DemoCatalog.NewOrderId(), null, [], ct);

    public static Task LargeJsonAsync(DemoSender sender, CancellationToken ct)
    {
        var entries = new List<object>();
        var size = 0;
        while (size < LargeJsonBytes)
        {
            var entry = new
            {
                orderId = DemoCatalog.NewOrderId(),
                customerId = DemoCatalog.NewCustomerId(),
                lines = DemoCatalog.NewLines(),
                address = DemoCatalog.NewAddress(),
                status = "completed",
            };
            entries.Add(entry);
            size += DemoEnvelopes.Serialize(entry).Length + 1;
        }

        var value = DemoEnvelopes.Serialize(new { type = "OrderHistoryExported", exportedAt = sender.Time.GetUtcNow(), count = entries.Count, orders = entries });
        var headers = new Headers();
        DemoEnvelopes.Add(headers, "message-type", "OrderHistoryExported");
        DemoEnvelopes.Add(headers, "message-id", Guid.NewGuid().ToString());
        DemoEnvelopes.Add(headers, "content-type", "application/json");
        return sender.ProduceAsync(DemoTopics.AuditLog, "history-export", value, headers, ct);
    }
}
