using System.Globalization;
using System.Text;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// Events shaped like the demo shop's (CloudEvents binary headers with random ids and times, 0.3–0.6 KB JSON bodies
/// of a few order lines from a small catalogue), deterministic per index: the issue measured the index's footprint on
/// those, and the 1 KB <see cref="BenchEvents"/> repeat a padding text that any codec squeezes flat.
/// </summary>
internal static class DemoLikeEvents
{
    private static readonly string[] Types = ["OrderPlaced", "StockReserved", "PaymentCharged", "OrderShipped", "CustomerNotified"];
    private static readonly string[] Services = ["order-service", "inventory-service", "payment-service", "shipping-service", "notification-service"];
    private static readonly (string Sku, string Name, decimal Price)[] Products =
    [
        ("SKU-1001", "Espresso beans 1 kg", 18.90m), ("SKU-1002", "Ceramic pour-over dripper", 24.50m),
        ("SKU-1003", "Burr grinder", 129.00m), ("SKU-1004", "Milk frother", 39.99m), ("SKU-1005", "Paper filters (100)", 4.20m),
        ("SKU-1006", "Gooseneck kettle", 54.00m), ("SKU-1007", "Travel mug", 16.75m), ("SKU-1008", "Digital scale", 27.30m),
    ];

    private static readonly string[] Cities = ["Berlin", "Amsterdam", "Paris", "Madrid", "Milano", "Wien"];
    private static readonly string[] Carriers = ["DHL", "UPS", "DPD", "PostNL"];

    public static byte[] Key(int i) => Encoding.UTF8.GetBytes(OrderId(i / 5));

    public static byte[] Value(int i)
    {
        var order = i / 5;
        var random = new Random(order);
        var b = new StringBuilder(600);
        b.Append("{\"orderId\":\"").Append(OrderId(order)).Append("\",\"customerId\":\"cust-")
            .Append(random.Next(1, 5000).ToString("D5", CultureInfo.InvariantCulture)).Append("\",\"lines\":[");
        var lines = random.Next(1, 4);
        decimal total = 0;
        for (var line = 0; line < lines; line++)
        {
            var (sku, name, price) = Products[random.Next(Products.Length)];
            var quantity = random.Next(1, 4);
            total += price * quantity;
            b.Append(line > 0 ? "," : string.Empty).Append("{\"sku\":\"").Append(sku).Append("\",\"name\":\"").Append(name)
                .Append("\",\"quantity\":").Append(quantity).Append(",\"unitPrice\":").Append(price.ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        b.Append("],\"total\":").Append(total.ToString(CultureInfo.InvariantCulture)).Append(",\"currency\":\"EUR\"");
        switch (i % 5)
        {
            case 1:
                b.Append(",\"warehouse\":\"DE-BER-1\",\"reservationId\":\"res-").Append(Hex(random, 12)).Append('"');
                break;
            case 2:
                b.Append(",\"paymentId\":\"pay-").Append(Hex(random, 12)).Append("\",\"method\":\"card\"");
                break;
            case 3:
                b.Append(",\"carrier\":\"").Append(Carriers[random.Next(Carriers.Length)]).Append("\",\"trackingNumber\":\"")
                    .Append(random.NextInt64(10_000_000_000, 99_999_999_999)).Append('"');
                break;
        }

        b.Append(",\"shippingAddress\":{\"street\":\"").Append(random.Next(1, 300)).Append(" Main Street\",\"city\":\"")
            .Append(Cities[random.Next(Cities.Length)]).Append("\",\"postalCode\":\"").Append(random.Next(10000, 99999))
            .Append("\"},\"placedAt\":\"").Append(Time(i)).Append("\"}");
        return Encoding.UTF8.GetBytes(b.ToString());
    }

    public static List<(string Key, byte[] Value)> Headers(int i)
    {
        var order = i / 5;
        var step = i % 5;
        var random = new Random(i);
        var id = "msg-" + Hex(random, 32);
        var previous = step == 0 ? null : "msg-" + Hex(new Random(i - 1), 32);
        var headers = new List<(string, byte[])>
        {
            ("ce_specversion", "1.0"u8.ToArray()),
            ("ce_id", Encoding.UTF8.GetBytes(id)),
            ("ce_type", Encoding.UTF8.GetBytes(Types[step])),
            ("ce_source", Encoding.UTF8.GetBytes("/shop/" + Services[step])),
            ("ce_time", Encoding.UTF8.GetBytes(Time(i))),
            ("ce_subject", Encoding.UTF8.GetBytes(OrderId(order))),
            ("ce_correlationid", Encoding.UTF8.GetBytes("corr-" + Hex(new Random(-order - 1), 32))),
            ("content-type", "application/json"u8.ToArray()),
        };
        if (previous is not null)
        {
            headers.Add(("ce_causationid", Encoding.UTF8.GetBytes(previous)));
        }

        return headers;
    }

    private static string OrderId(int order) => $"ord-{100_000 + order * 7919 % 900_000}-{1000 + order % 9000}";

    private static string Time(int i) =>
        DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_000 + i * 37L).ToString("O", CultureInfo.InvariantCulture);

    private static string Hex(Random random, int length)
    {
        Span<byte> bytes = stackalloc byte[length / 2];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
