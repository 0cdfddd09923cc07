namespace EventObserver.Kafka.Demo;

/// <summary>The payment service's PaymentCharged: JSON without a registry, Avro with one.</summary>
internal sealed record PaymentChargedData(string OrderId, string PaymentId, decimal Amount, string Currency, string AuthorizationCode);
