using System.Text.Json;
using Avro;
using Avro.Generic;
using Avro.IO;
using EventObserver.Core.Decoding.Avro;

namespace EventObserver.Core.Tests.Decoding.Avro;

/// <summary>Datums written by Apache.Avro's own writer, so the decoder is checked against the reference encoding.</summary>
internal static class AvroTestData
{
    public static byte[] Write(Schema schema, object? datum)
    {
        using var stream = new MemoryStream();
        new GenericDatumWriter<object?>(schema).Write(datum, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    /// <summary>Writes with the schema, decodes with a decoder compiled from the same text, and returns the JSON root.</summary>
    public static JsonElement RoundTrip(string schemaText, Func<Schema, object?> datum)
    {
        var schema = Schema.Parse(schemaText);
        var bytes = Write(schema, datum(schema));
        return Parse(AvroJsonDecoder.Compile(schemaText).ToJson(bytes));
    }

    public static JsonElement Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static GenericRecord Record(Schema schema, params (string Name, object? Value)[] fields)
    {
        var record = new GenericRecord((RecordSchema)schema);
        foreach (var (name, value) in fields)
        {
            record.Add(name, value);
        }

        return record;
    }

    /// <summary>A record schema with one field of the given type (JSON), named "v".</summary>
    public static string OneField(string fieldType) =>
        $$"""{"type":"record","name":"Holder","namespace":"test","fields":[{"name":"v","type":{{fieldType}}}]}""";

    public static JsonElement OneFieldRoundTrip(string fieldType, Func<Schema, object?> value) =>
        RoundTrip(OneField(fieldType), schema => Record(schema, ("v", value(((RecordSchema)schema).Fields[0].Schema)))).GetProperty("v");
}
