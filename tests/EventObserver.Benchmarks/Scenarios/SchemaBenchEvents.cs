using System.Buffers.Binary;
using System.Text;
using Avro;
using Avro.Generic;
using Avro.IO;
using Google.Protobuf;

namespace EventObserver.Benchmarks.Scenarios;

/// <summary>
/// The same order events as <see cref="BenchEvents"/> (same fields and values, same headers), serialized as Avro or
/// Protobuf and framed as Confluent's serializers frame them (magic byte 0, the schema id, for Protobuf the message
/// index list), so the JSON and the schema-encoded runs index identical content.
/// </summary>
internal static class SchemaBenchEvents
{
    public const string AvroSchema = """
        {"type":"record","name":"OrderEvent","namespace":"EventObserver.Bench","fields":[
          {"name":"orderId","type":"string"},{"name":"customerId","type":"string"},{"name":"status","type":"string"},
          {"name":"currency","type":"string"},{"name":"total","type":"double"},
          {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
            {"name":"sku","type":"string"},{"name":"name","type":"string"},{"name":"quantity","type":"int"},{"name":"unitPrice","type":"double"}]}}},
          {"name":"shippingAddress","type":{"type":"record","name":"Address","fields":[
            {"name":"street","type":"string"},{"name":"city","type":"string"},{"name":"zip","type":"string"},{"name":"country","type":"string"}]}},
          {"name":"note","type":"string"}]}
        """;

    public const string ProtobufSchema = """
        syntax = "proto3";
        package eventobserver.bench;

        message OrderEvent {
          string order_id = 1;
          string customer_id = 2;
          string status = 3;
          string currency = 4;
          double total = 5;
          repeated Line lines = 6;
          Address shipping_address = 7;
          string note = 8;

          message Line {
            string sku = 1;
            string name = 2;
            int32 quantity = 3;
            double unit_price = 4;
          }

          message Address {
            string street = 1;
            string city = 2;
            string zip = 3;
            string country = 4;
          }
        }
        """;

    public static byte[] Avro(int i, int schemaId, RecordSchema schema, GenericDatumWriter<GenericRecord> writer)
    {
        var o = Order.Of(i);
        var line = (RecordSchema)((ArraySchema)schema["lines"].Schema).ItemSchema;
        var address = (RecordSchema)schema["shippingAddress"].Schema;
        var record = new GenericRecord(schema);
        record.Add("orderId", o.OrderId);
        record.Add("customerId", o.CustomerId);
        record.Add("status", o.Status);
        record.Add("currency", "EUR");
        record.Add("total", o.Total);
        record.Add("lines", o.Lines.Select(l =>
        {
            var r = new GenericRecord(line);
            r.Add("sku", l.Sku);
            r.Add("name", l.Name);
            r.Add("quantity", l.Quantity);
            r.Add("unitPrice", l.UnitPrice);
            return r;
        }).ToArray());
        var a = new GenericRecord(address);
        a.Add("street", o.Street);
        a.Add("city", "Springfield");
        a.Add("zip", o.Zip);
        a.Add("country", "DE");
        record.Add("shippingAddress", a);
        record.Add("note", o.Note);

        using var stream = new MemoryStream(700);
        WriteFrame(stream, schemaId);
        writer.Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    public static byte[] Protobuf(int i, int schemaId)
    {
        var o = Order.Of(i);
        using var stream = new MemoryStream(700);
        WriteFrame(stream, schemaId);
        stream.WriteByte(0); // message indexes [0]: the first message
        var output = new CodedOutputStream(stream, leaveOpen: true);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited); output.WriteString(o.OrderId);
        output.WriteTag(2, WireFormat.WireType.LengthDelimited); output.WriteString(o.CustomerId);
        output.WriteTag(3, WireFormat.WireType.LengthDelimited); output.WriteString(o.Status);
        output.WriteTag(4, WireFormat.WireType.LengthDelimited); output.WriteString("EUR");
        output.WriteTag(5, WireFormat.WireType.Fixed64); output.WriteDouble(o.Total);
        foreach (var l in o.Lines)
        {
            var line = Message(m =>
            {
                m.WriteTag(1, WireFormat.WireType.LengthDelimited); m.WriteString(l.Sku);
                m.WriteTag(2, WireFormat.WireType.LengthDelimited); m.WriteString(l.Name);
                m.WriteTag(3, WireFormat.WireType.Varint); m.WriteInt32(l.Quantity);
                m.WriteTag(4, WireFormat.WireType.Fixed64); m.WriteDouble(l.UnitPrice);
            });
            output.WriteTag(6, WireFormat.WireType.LengthDelimited); output.WriteBytes(ByteString.CopyFrom(line));
        }

        var addressBytes = Message(m =>
        {
            m.WriteTag(1, WireFormat.WireType.LengthDelimited); m.WriteString(o.Street);
            m.WriteTag(2, WireFormat.WireType.LengthDelimited); m.WriteString("Springfield");
            m.WriteTag(3, WireFormat.WireType.LengthDelimited); m.WriteString(o.Zip);
            m.WriteTag(4, WireFormat.WireType.LengthDelimited); m.WriteString("DE");
        });
        output.WriteTag(7, WireFormat.WireType.LengthDelimited); output.WriteBytes(ByteString.CopyFrom(addressBytes));
        output.WriteTag(8, WireFormat.WireType.LengthDelimited); output.WriteString(o.Note);
        output.Flush();
        return stream.ToArray();
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream(128);
        var output = new CodedOutputStream(stream, leaveOpen: true);
        write(output);
        output.Flush();
        return stream.ToArray();
    }

    private static void WriteFrame(Stream stream, int schemaId)
    {
        Span<byte> frame = stackalloc byte[5];
        frame[0] = 0;
        BinaryPrimitives.WriteInt32BigEndian(frame[1..], schemaId);
        stream.Write(frame);
    }

    private sealed record OrderLine(string Sku, string Name, int Quantity, double UnitPrice);

    /// <summary>The values <see cref="BenchEvents.Value"/> writes as JSON.</summary>
    private sealed record Order(string OrderId, string CustomerId, string Status, double Total, OrderLine[] Lines, string Street, string Zip, string Note)
    {
        private static readonly string[] Types = ["OrderPlaced", "StockReserved", "PaymentCharged", "OrderShipped", "CustomerNotified"];

        public static Order Of(int i)
        {
            var order = i / 5;
            var lines = Enumerable.Range(0, 6).Select(line => new OrderLine(
                "SKU-" + ((order + line) * 31 % 50_000).ToString("D5"),
                $"Product {(order * 13 + line) % 977} deluxe edition",
                line % 3 + 1,
                (order + line) % 200 + 0.5)).ToArray();
            var note = new StringBuilder();
            while (note.Length < 480)
            {
                note.Append("please leave the parcel at the door ");
            }

            return new Order(
                "order-" + order.ToString("D8"),
                "customer-" + (order * 7919 % 100_000).ToString("D6"),
                Types[i % Types.Length],
                order % 997 + 0.99,
                lines,
                $"{order % 400} Market Street",
                (10_000 + order % 89_999).ToString(),
                note.ToString());
        }
    }
}
