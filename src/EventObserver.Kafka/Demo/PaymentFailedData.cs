namespace EventObserver.Kafka.Demo;

/// <summary>The payment service's PaymentFailed: JSON without a registry, Avro with one.</summary>
internal sealed record PaymentFailedData(string OrderId, decimal Amount, string Currency, string Reason);
