using System.Globalization;
using System.Text;

using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;

namespace EventObserver.Storage.Tests.Support;

/// <summary>Envelopes of every shape the chunk encoding distinguishes, and JSON traffic for size checks.</summary>
public static class RecordShapes
{
    /// <summary>One partition's records, offsets from 0: null and empty keys and payloads, duplicate and null headers, binary, decoded, dead letters.</summary>
    public static List<EventEnvelope> All(string topic)
    {
        var binary = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var list = new List<EventEnvelope>
        {
            Make(topic, 0, null, null, KeyFormat.None, null, PayloadFormat.Tombstone),
            Make(topic, 1, [], string.Empty, KeyFormat.Text, [], PayloadFormat.Empty),
            Make(topic, 2, "k"u8.ToArray(), "k", KeyFormat.Text, "{}"u8.ToArray(), PayloadFormat.Json,
            [
                new EnvelopeHeader("dup", "first"u8.ToArray()), new EnvelopeHeader("dup", "second"u8.ToArray()),
                new EnvelopeHeader("null", null), new EnvelopeHeader("empty", []), new EnvelopeHeader("bin", binary),
            ]),
            Make(topic, 3, [0x00, 0xFF], "00ff", KeyFormat.Hex, binary, PayloadFormat.Binary),
            Make(topic, 4, "stored"u8.ToArray(), "shown", KeyFormat.Text, "{}"u8.ToArray(), PayloadFormat.Json, derivedId: true),
            Envelopes.DeadLetter(Envelopes.Event("orders", 1, 17), topic, 0, 5, Envelopes.BaseTimestampMs + 5),
            Make(topic, 6, "c"u8.ToArray(), "customer-7", KeyFormat.Text, [0x00, 0x00, 0x00, 0x00, 0x0B, 0x06, (byte)'o'], PayloadFormat.Binary, decoded: true),
        };

        // Enough similar JSON records after the odd ones that compression pays and the chunk really is version 3.
        list.AddRange(Enumerable.Range(7, 60).Select(i => Json(topic, 0, i)));
        return list;
    }

    private static EventEnvelope Make(
        string topic,
        long offset,
        byte[]? keyBytes,
        string? key,
        KeyFormat keyFormat,
        byte[]? payload,
        PayloadFormat payloadFormat,
        EnvelopeHeader[]? headers = null,
        bool derivedId = false,
        bool decoded = false) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = offset,
        TimestampMs = Envelopes.BaseTimestampMs + offset,
        TimestampKind = TimestampKind.CreateTime,
        KeyBytes = keyBytes,
        Key = key,
        KeyFormat = keyFormat,
        KeyDecoding = decoded ? new PayloadDecoding { Format = SchemaFormat.Json, Status = DecodeStatus.Corrupt, Error = "bad" } : null,
        Headers = headers ?? [new EnvelopeHeader("ce_id", Encoding.UTF8.GetBytes($"id-{offset}"))],
        Payload = payload,
        PayloadFormat = payloadFormat,
        DecodedPayload = decoded ? Encoding.UTF8.GetBytes("""{"orderId":"o-1"}""") : null,
        Decoding = decoded ? new PayloadDecoding { Format = SchemaFormat.Avro, SchemaId = 7, Subject = "v", Version = 2, TypeName = "T", SchemaFile = "a.avsc" } : null,
        MessageId = derivedId ? $"{topic}/0/{offset}" : $"id-{offset}",
        MessageIdDerived = derivedId,
        MessageType = "Tick",
        Kind = MessageKind.Event,
        CorrelationId = "corr-shapes",
        Source = "order-service",
    };

    /// <summary>A demo-shop-like JSON event with CloudEvents headers and random ids (deterministic per offset).</summary>
    public static EventEnvelope Json(string topic, int partition, long offset)
    {
        var random = new Random((int)offset * 31 + partition);
        var id = "msg-" + Convert.ToHexStringLower(RandomBytes(random, 16));
        var correlation = "corr-" + Convert.ToHexStringLower(RandomBytes(new Random((int)(offset / 5)), 16));
        var order = $"ord-{random.Next(100_000, 999_999)}-{random.Next(1000, 9999)}";
        var payload = new StringBuilder("{\"orderId\":\"").Append(order).Append("\",\"customerId\":\"cust-")
            .Append(random.Next(1, 5000).ToString("D5", CultureInfo.InvariantCulture)).Append("\",\"lines\":[");
        var lines = random.Next(1, 4);
        for (var i = 0; i < lines; i++)
        {
            payload.Append(i > 0 ? "," : string.Empty).Append("{\"sku\":\"SKU-100").Append(random.Next(1, 9))
                .Append("\",\"name\":\"Product ").Append(random.Next(1, 9)).Append("\",\"quantity\":").Append(random.Next(1, 4))
                .Append(",\"unitPrice\":").Append(random.Next(100, 20000) / 100m).Append('}');
        }

        payload.Append("],\"currency\":\"EUR\",\"shippingAddress\":{\"street\":\"").Append(random.Next(1, 300))
            .Append(" Main Street\",\"city\":\"Berlin\",\"postalCode\":\"").Append(random.Next(10000, 99999)).Append("\"}}");
        var time = DateTimeOffset.FromUnixTimeMilliseconds(Envelopes.BaseTimestampMs + offset * 37).ToString("O", CultureInfo.InvariantCulture);
        return new EventEnvelope
        {
            Topic = topic,
            Partition = partition,
            Offset = offset,
            TimestampMs = Envelopes.BaseTimestampMs + offset * 37,
            TimestampKind = TimestampKind.CreateTime,
            KeyBytes = Encoding.UTF8.GetBytes(order),
            Key = order,
            KeyFormat = KeyFormat.Text,
            Headers =
            [
                new EnvelopeHeader("ce_specversion", "1.0"u8.ToArray()),
                new EnvelopeHeader("ce_id", Encoding.UTF8.GetBytes(id)),
                new EnvelopeHeader("ce_type", "OrderPlaced"u8.ToArray()),
                new EnvelopeHeader("ce_source", "/shop/order-service"u8.ToArray()),
                new EnvelopeHeader("ce_time", Encoding.UTF8.GetBytes(time)),
                new EnvelopeHeader("ce_correlationid", Encoding.UTF8.GetBytes(correlation)),
                new EnvelopeHeader("content-type", "application/json"u8.ToArray()),
            ],
            Payload = Encoding.UTF8.GetBytes(payload.ToString()),
            PayloadFormat = PayloadFormat.Json,
            MessageId = id,
            MessageType = "OrderPlaced",
            Kind = MessageKind.Event,
            CorrelationId = correlation,
            Source = "/shop/order-service",
        };
    }

    /// <summary>Key, value and header name and value bytes: what the message weighs on the wire, before Kafka's framing.</summary>
    public static long RawBytes(EventEnvelope e) =>
        (e.KeyBytes?.Length ?? 0) + (e.Payload?.Length ?? 0) + e.Headers.Sum(h => Encoding.UTF8.GetByteCount(h.Key) + (h.Value?.Length ?? 0));

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
