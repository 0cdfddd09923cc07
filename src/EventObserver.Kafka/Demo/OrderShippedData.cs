namespace EventObserver.Kafka.Demo;

/// <summary>The shipping service's OrderShipped: JSON (with its type in the body) without a registry, Protobuf with one.</summary>
internal sealed record OrderShippedData(string OrderId, string ShipmentId, string Carrier, string TrackingNumber, DateTimeOffset ShippedAt, int Parcels)
{
    /// <summary>The JSON form names its type in the body (the service sends no type header).</summary>
    public string Type => "OrderShipped";
}
