using Avro;
using Avro.Generic;

namespace EventObserver.Tests.Decoding;

/// <summary>
/// The order conversation as Avro records. Each carries its own id and lineage in a nested <c>metadata</c> record
/// (Avro names cannot start with <c>$</c>, so the plain KurrentDB-style names), and its type only as the record's name.
/// </summary>
internal static class ShopAvro
{
    private const string Metadata = """
        {"type":"record","name":"Metadata","fields":[
          {"name":"eventId","type":"string"},
          {"name":"correlationId","type":"string"},
          {"name":"causationId","type":["null","string"],"default":null}]}
        """;

    public static readonly RecordSchema PlaceOrder = Parse($$$"""
        {"type":"record","name":"PlaceOrder","namespace":"Shop.Orders","fields":[
          {"name":"metadata","type":{{{Metadata}}}},
          {"name":"orderId","type":"string"},
          {"name":"customer","type":"string"}]}
        """);

    public static readonly RecordSchema OrderPlaced = Parse($$$$"""
        {"type":"record","name":"OrderPlaced","namespace":"Shop.Orders","fields":[
          {"name":"metadata","type":{{{{Metadata}}}}},
          {"name":"orderId","type":"string"},
          {"name":"items","type":{"type":"array","items":{"type":"record","name":"Line","fields":[
            {"name":"sku","type":"string"},
            {"name":"quantity","type":"int"}]}}}]}
        """);

    public static readonly RecordSchema PaymentCharged = Parse($$$"""
        {"type":"record","name":"PaymentCharged","namespace":"Shop.Payments","fields":[
          {"name":"metadata","type":{{{Metadata}}}},
          {"name":"orderId","type":"string"},
          {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}},
          {"name":"currency","type":{"type":"enum","name":"Currency","symbols":["EUR","USD"]}}]}
        """);

    public static GenericRecord Record(RecordSchema schema, string eventId, string correlationId, string? causationId, params (string Field, object Value)[] fields)
    {
        var record = new GenericRecord(schema);
        var metadata = new GenericRecord((RecordSchema)schema["metadata"].Schema);
        metadata.Add("eventId", eventId);
        metadata.Add("correlationId", correlationId);
        metadata.Add("causationId", causationId);
        record.Add("metadata", metadata);
        foreach (var (field, value) in fields)
        {
            record.Add(field, value);
        }

        return record;
    }

    public static GenericRecord[] Lines(params (string Sku, int Quantity)[] lines)
    {
        var schema = (RecordSchema)((ArraySchema)OrderPlaced["items"].Schema).ItemSchema;
        return [.. lines.Select(l =>
        {
            var line = new GenericRecord(schema);
            line.Add("sku", l.Sku);
            line.Add("quantity", l.Quantity);
            return line;
        })];
    }

    public static GenericEnum Currency(string symbol) => new((EnumSchema)PaymentCharged["currency"].Schema, symbol);

    private static RecordSchema Parse(string json) => (RecordSchema)Schema.Parse(json);
}
