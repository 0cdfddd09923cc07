using System.Text;
using EventObserver.Core.Envelopes;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Deterministic ~1 KB JSON events with lineage headers (CloudEvents binary style), the same for the
/// produced messages and the naive baseline, so every measurement sees identical data.
/// </summary>
internal static class BenchEvents
{
    private static readonly string[] Types = ["OrderPlaced", "StockReserved", "PaymentCharged", "OrderShipped", "CustomerNotified"];
    private static readonly string[] Sources = ["order-service", "inventory-service", "payment-service", "shipping-service", "notification-service"];

    public static byte[] Key(int i) => Encoding.UTF8.GetBytes($"order-{i / 5:D8}");

    public static byte[] Value(int i)
    {
        var order = i / 5;
        var builder = new StringBuilder(1100);
        builder.Append("{\"orderId\":\"order-").Append(order.ToString("D8")).Append("\",\"customerId\":\"customer-")
            .Append((order * 7919 % 100_000).ToString("D6")).Append("\",\"status\":\"").Append(Types[i % Types.Length])
            .Append("\",\"currency\":\"EUR\",\"total\":").Append(order % 997 + 0.99).Append(",\"lines\":[");
        for (var line = 0; line < 6; line++)
        {
            if (line > 0)
            {
                builder.Append(',');
            }

            builder.Append("{\"sku\":\"SKU-").Append(((order + line) * 31 % 50_000).ToString("D5"))
                .Append("\",\"name\":\"Product ").Append((order * 13 + line) % 977).Append(" deluxe edition\",\"quantity\":")
                .Append(line % 3 + 1).Append(",\"unitPrice\":").Append((order + line) % 200 + 0.5).Append('}');
        }

        builder.Append("],\"shippingAddress\":{\"street\":\"").Append(order % 400).Append(" Market Street\",\"city\":\"Springfield\",\"zip\":\"")
            .Append((10_000 + order % 89_999).ToString()).Append("\",\"country\":\"DE\"},\"note\":\"");
        while (builder.Length < 1000)
        {
            builder.Append("please leave the parcel at the door ");
        }

        builder.Append("\"}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    public static List<(string Key, byte[] Value)> Headers(int i)
    {
        var order = i / 5;
        var step = i % 5;
        var id = $"{order:D8}-{step}";
        return
        [
            ("ce_specversion", "1.0"u8.ToArray()),
            ("ce_id", Encoding.UTF8.GetBytes("msg-" + id)),
            ("ce_type", Encoding.UTF8.GetBytes(Types[step])),
            ("ce_source", Encoding.UTF8.GetBytes(Sources[step])),
            ("ce_time", Encoding.UTF8.GetBytes("2026-11-26T07:00:00Z")),
            ("ce_correlationid", Encoding.UTF8.GetBytes($"corr-{order:D8}")),
            ("ce_causationid", Encoding.UTF8.GetBytes(step == 0 ? $"cmd-{order:D8}" : $"msg-{order:D8}-{step - 1}")),
            ("content-type", "application/json"u8.ToArray()),
        ];
    }

    /// <summary>The raw record event <paramref name="i"/> would be at a synthetic position, for the naive baseline.</summary>
    public static RawRecord Record(string topic, int partitions, int i) => new()
    {
        Topic = topic,
        Partition = i % partitions,
        Offset = i / partitions,
        TimestampMs = 1_795_000_000_000 + i,
        TimestampKind = TimestampKind.CreateTime,
        Key = Key(i),
        Value = Value(i),
        Headers = Headers(i).Select(h => new EnvelopeHeader(h.Key, h.Value)).ToArray(),
    };
}
