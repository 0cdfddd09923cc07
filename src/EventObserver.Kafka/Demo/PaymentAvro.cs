using Avro;
using Avro.Generic;

namespace EventObserver.Kafka.Demo;

/// <summary>
/// The payment service's Avro records. The event's own id is the <c>eventId</c> field (no header carries it), as many
/// Avro producers do; amounts are decimals, times timestamp-millis, currency and failure reason enums.
/// </summary>
internal static class PaymentAvro
{
    private const string Currency = """{"type":"enum","name":"Currency","symbols":["EUR","USD","GBP"]}""";

    public static readonly RecordSchema Charged = (RecordSchema)Schema.Parse($$$"""
        {"type":"record","name":"PaymentCharged","namespace":"EventObserver.Demo.Payments","fields":[
          {"name":"eventId","type":{"type":"string","logicalType":"uuid"}},
          {"name":"orderId","type":"string"},
          {"name":"paymentId","type":"string"},
          {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}},
          {"name":"currency","type":{{{Currency}}}},
          {"name":"authorizationCode","type":"string"},
          {"name":"chargedAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}
        """);

    public static readonly RecordSchema Failed = (RecordSchema)Schema.Parse($$$"""
        {"type":"record","name":"PaymentFailed","namespace":"EventObserver.Demo.Payments","fields":[
          {"name":"eventId","type":{"type":"string","logicalType":"uuid"}},
          {"name":"orderId","type":"string"},
          {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}},
          {"name":"currency","type":{{{Currency}}}},
          {"name":"reason","type":{"type":"enum","name":"FailureReason","symbols":["card_declined","insufficient_funds","expired_card","fraud_suspected"]}},
          {"name":"failedAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}
        """);

    public static GenericRecord Build(DemoMessageMeta meta, PaymentChargedData data)
    {
        var record = new GenericRecord(Charged);
        record.Add("eventId", Guid.Parse(meta.Id));
        record.Add("orderId", data.OrderId);
        record.Add("paymentId", data.PaymentId);
        record.Add("amount", Money(data.Amount));
        record.Add("currency", Enum(Charged, "currency", data.Currency));
        record.Add("authorizationCode", data.AuthorizationCode);
        record.Add("chargedAt", meta.Time.UtcDateTime);
        return record;
    }

    public static GenericRecord Build(DemoMessageMeta meta, PaymentFailedData data)
    {
        var record = new GenericRecord(Failed);
        record.Add("eventId", Guid.Parse(meta.Id));
        record.Add("orderId", data.OrderId);
        record.Add("amount", Money(data.Amount));
        record.Add("currency", Enum(Failed, "currency", data.Currency));
        record.Add("reason", Enum(Failed, "reason", data.Reason));
        record.Add("failedAt", meta.Time.UtcDateTime);
        return record;
    }

    /// <summary>Scale 2, as the schema says (Avro writes the unscaled value with the schema's scale).</summary>
    private static AvroDecimal Money(decimal amount) => new(decimal.Round(amount, 2) + 0.00m);

    private static GenericEnum Enum(RecordSchema record, string field, string symbol) => new((EnumSchema)record[field].Schema, symbol);
}
