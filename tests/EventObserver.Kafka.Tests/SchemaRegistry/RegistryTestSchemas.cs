using System.Buffers.Binary;
using Avro;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;

namespace EventObserver.Kafka.Tests.SchemaRegistry;

/// <summary>Schemas and Confluent-serialized payloads the registry tests register through the embedded server.</summary>
internal static class RegistryTestSchemas
{
    public const string PaymentTopic = "payments.events";

    public static readonly RecordSchema Payment = (RecordSchema)Avro.Schema.Parse("""
        {"type":"record","name":"PaymentCaptured","namespace":"Shop.Payments","fields":[
          {"name":"eventId","type":"string"},
          {"name":"orderId","type":"string"},
          {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}}]}
        """);

    public const string Money = """
        syntax = "proto3";
        package shop.common;

        message Money {
          string currency = 1;
          int64 cents = 2;
        }
        """;

    public const string Refund = """
        syntax = "proto3";
        package shop.refunds;

        import "shop/common/money.proto";

        message RefundIssued {
          string order_id = 1;
          shop.common.Money amount = 2;
        }
        """;

    /// <summary>Serializes one payment with Confluent's own Avro serializer, auto-registering its schema.</summary>
    public static async Task<byte[]> SerializePaymentAsync(string registryUrl, string eventId, string? userInfo = null)
    {
        var config = new SchemaRegistryConfig { Url = registryUrl };
        if (userInfo is not null)
        {
            config.BasicAuthCredentialsSource = AuthCredentialsSource.UserInfo;
            config.BasicAuthUserInfo = userInfo;
        }

        using var client = new CachedSchemaRegistryClient(config);
        var serializer = new AvroSerializer<GenericRecord>(client);
        var record = new GenericRecord(Payment);
        record.Add("eventId", eventId);
        record.Add("orderId", "ord-1");
        record.Add("amount", new AvroDecimal(12.34m));
        return await serializer.SerializeAsync(record, new SerializationContext(MessageComponentType.Value, PaymentTopic));
    }

    /// <summary>The schema id of a Confluent frame (magic byte 0, then the id big-endian).</summary>
    public static int IdOf(byte[] frame)
    {
        Assert.Equal(0, frame[0]);
        return BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(1, 4));
    }
}
