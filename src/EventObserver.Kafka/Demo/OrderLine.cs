namespace EventObserver.Kafka.Demo;

/// <summary>One line of a demo order; serialized into the payloads.</summary>
internal sealed record OrderLine(string Sku, string Name, int Quantity, decimal UnitPrice);
