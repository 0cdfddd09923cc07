namespace EventObserver.Kafka.Demo;

/// <summary>Plausible shop data for the demo: customers, products, addresses, order lines.</summary>
internal static class DemoCatalog
{
    private static readonly (string Sku, string Name, decimal Price)[] Products =
    [
        ("SKU-1001", "Espresso beans 1 kg", 18.90m),
        ("SKU-1002", "Ceramic pour-over dripper", 24.50m),
        ("SKU-1003", "Burr grinder", 129.00m),
        ("SKU-1004", "Milk frother", 39.99m),
        ("SKU-1005", "Paper filters (100)", 4.20m),
        ("SKU-1006", "Gooseneck kettle", 54.00m),
        ("SKU-1007", "Travel mug", 16.75m),
        ("SKU-1008", "Digital scale", 27.30m),
        ("SKU-1009", "Cold brew bottle", 21.00m),
        ("SKU-1010", "Decaf beans 500 g", 11.40m),
    ];

    private static readonly (string Street, string City, string PostalCode, string Country)[] Addresses =
    [
        ("Friedrichstraße 12", "Berlin", "10117", "DE"),
        ("Keizersgracht 221", "Amsterdam", "1016 DV", "NL"),
        ("Rue de Rivoli 48", "Paris", "75004", "FR"),
        ("Calle Mayor 7", "Madrid", "28013", "ES"),
        ("Via Torino 31", "Milano", "20123", "IT"),
        ("Mariahilfer Straße 88", "Wien", "1070", "AT"),
    ];

    private static readonly string[] Carriers = ["DHL", "UPS", "DPD", "PostNL"];
    private static readonly string[] Warehouses = ["DE-BER-1", "NL-AMS-2"];
    private static readonly string[] FailureReasons = ["card_declined", "insufficient_funds", "expired_card", "fraud_suspected"];

    public static string NewOrderId() => $"ord-{Random.Shared.Next(100_000, 999_999)}-{Random.Shared.Next(1000, 9999)}";

    public static string NewCustomerId() => $"cust-{Random.Shared.Next(1, 5000):D5}";

    public static OrderLine[] NewLines()
    {
        var count = Random.Shared.Next(1, 5);
        return Enumerable.Range(0, count)
            .Select(_ => Products[Random.Shared.Next(Products.Length)])
            .DistinctBy(p => p.Sku)
            .Select(p => new OrderLine(p.Sku, p.Name, Random.Shared.Next(1, 4), p.Price))
            .ToArray();
    }

    public static object NewAddress()
    {
        var a = Addresses[Random.Shared.Next(Addresses.Length)];
        return new { street = a.Street, city = a.City, postalCode = a.PostalCode, country = a.Country };
    }

    public static string Carrier() => Carriers[Random.Shared.Next(Carriers.Length)];

    public static string Warehouse() => Warehouses[Random.Shared.Next(Warehouses.Length)];

    public static string FailureReason() => FailureReasons[Random.Shared.Next(FailureReasons.Length)];

    public static string TrackingNumber() => $"{Random.Shared.NextInt64(10_000_000_000, 99_999_999_999)}";

    public static string ShortId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}";
}
