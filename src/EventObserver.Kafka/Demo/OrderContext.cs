namespace EventObserver.Kafka.Demo;

/// <summary>One demo order's conversation: the aggregate id (also the record key) and its correlation id.</summary>
internal sealed record OrderContext(string OrderId, string CustomerId, string CorrelationId, OrderLine[] Lines, object Address)
{
    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);

    public static OrderContext New() => new(
        DemoCatalog.NewOrderId(),
        DemoCatalog.NewCustomerId(),
        Guid.NewGuid().ToString("N"),
        DemoCatalog.NewLines(),
        DemoCatalog.NewAddress());
}
