using System.Text.Json;
using Avro;
using Avro.Generic;
using EventObserver.Core.Decoding.Avro;
using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Tests.Decoding.Avro;

public sealed class AvroJsonDecoderComplexTests
{
    private const string OrderSchema = """
        {"type":"record","name":"OrderPlaced","namespace":"shop.orders","fields":[
          {"name":"orderId","type":"string"},
          {"name":"quantity","type":"int"},
          {"name":"customer","type":{"type":"record","name":"Customer","fields":[
            {"name":"name","type":"string"},
            {"name":"address","type":{"type":"record","name":"Address","fields":[{"name":"city","type":"string"}]}}]}},
          {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID","SHIPPED"]}},
          {"name":"tags","type":{"type":"array","items":"string"}},
          {"name":"attributes","type":{"type":"map","values":"long"}},
          {"name":"hash","type":{"type":"fixed","name":"Hash","size":4}},
          {"name":"note","type":["null","string"]},
          {"name":"discount","type":["null","string","double"]}
        ]}
        """;

    [Fact]
    public void ToJson_RecordWithEveryComplexType_WritesReadableJson()
    {
        var json = AvroTestData.RoundTrip(OrderSchema, schema =>
        {
            var record = (RecordSchema)schema;
            var customerSchema = (RecordSchema)record["customer"].Schema;
            var address = AvroTestData.Record(customerSchema["address"].Schema, ("city", "Lyon"));
            return AvroTestData.Record(schema,
                ("orderId", "o-17"),
                ("quantity", 3),
                ("customer", AvroTestData.Record(customerSchema, ("name", "Ada"), ("address", address))),
                ("status", new GenericEnum((EnumSchema)record["status"].Schema, "PAID")),
                ("tags", new object[] { "gift", "express" }),
                ("attributes", new Dictionary<string, object> { ["weight"] = 12L, ["boxes"] = 2L }),
                ("hash", new GenericFixed((FixedSchema)record["hash"].Schema, [1, 2, 3, 4])),
                ("note", null),
                ("discount", 0.25));
        });

        Assert.Equal("o-17", json.GetProperty("orderId").GetString());
        Assert.Equal(3, json.GetProperty("quantity").GetInt32());
        Assert.Equal("Ada", json.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal("Lyon", json.GetProperty("customer").GetProperty("address").GetProperty("city").GetString());
        Assert.Equal("PAID", json.GetProperty("status").GetString());
        Assert.Equal(["gift", "express"], json.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(12, json.GetProperty("attributes").GetProperty("weight").GetInt64());
        Assert.Equal(2, json.GetProperty("attributes").GetProperty("boxes").GetInt64());
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, json.GetProperty("hash").GetBytesFromBase64());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("note").ValueKind);
        Assert.Equal(0.25, json.GetProperty("discount").GetDouble());
    }

    [Theory]
    [InlineData("text", "\"text\"")]
    [InlineData(7, "7")]
    [InlineData(null, "null")]
    public void ToJson_MultiBranchUnion_WritesThePlainBranchValue(object? value, string expectedJson)
    {
        var json = AvroTestData.OneFieldRoundTrip("""["null","int","string"]""", _ => value);

        Assert.Equal(expectedJson, json.GetRawText());
    }

    [Fact]
    public void ToJson_UnionOfRecords_WritesTheChosenRecordWithoutWrapper()
    {
        const string schemaText = """
            {"type":"record","name":"Payment","fields":[{"name":"method","type":[
              {"type":"record","name":"Card","fields":[{"name":"last4","type":"string"}]},
              {"type":"record","name":"Transfer","fields":[{"name":"iban","type":"string"}]}]}]}
            """;

        var json = AvroTestData.RoundTrip(schemaText, schema =>
        {
            var transfer = ((UnionSchema)((RecordSchema)schema)["method"].Schema).Schemas[1];
            return AvroTestData.Record(schema, ("method", AvroTestData.Record(transfer, ("iban", "FR76"))));
        });

        var method = json.GetProperty("method");
        Assert.Equal("FR76", method.GetProperty("iban").GetString());
        Assert.Single(method.EnumerateObject());
    }

    [Fact]
    public void ToJson_EmptyArrayAndMap_WriteEmptyContainers()
    {
        const string schemaText = """
            {"type":"record","name":"R","fields":[{"name":"a","type":{"type":"array","items":"int"}},{"name":"m","type":{"type":"map","values":"string"}}]}
            """;

        var json = AvroTestData.RoundTrip(schemaText, schema =>
            AvroTestData.Record(schema, ("a", Array.Empty<object>()), ("m", new Dictionary<string, object>())));

        Assert.Equal(0, json.GetProperty("a").GetArrayLength());
        Assert.Empty(json.GetProperty("m").EnumerateObject());
    }

    [Fact]
    public void ToJson_ArrayWrittenInSizedBlocks_ReadsEveryBlock()
    {
        // Two blocks: one with a negative count (then its byte size), one plain, then the end marker.
        byte[] datum = [0x03, 0x04, 0x02, 0x04, 0x02, 0x06, 0x00];

        var json = AvroTestData.Parse(AvroJsonDecoder.Compile("""{"type":"array","items":"int"}""").ToJson(datum));

        Assert.Equal([1, 2, 3], json.EnumerateArray().Select(item => item.GetInt32()));
    }

    [Fact]
    public void ToJson_ArrayOfRecordsInMap_NestsAsObjectsAndArrays()
    {
        const string schemaText = """
            {"type":"map","values":{"type":"array","items":{"type":"record","name":"Line","fields":[{"name":"sku","type":"string"}]}}}
            """;
        var schema = Schema.Parse(schemaText);
        var line = ((ArraySchema)((MapSchema)schema).ValueSchema).ItemSchema;
        var bytes = AvroTestData.Write(schema, new Dictionary<string, object>
        {
            ["first"] = new object[] { AvroTestData.Record(line, ("sku", "A-1")), AvroTestData.Record(line, ("sku", "B-2")) },
        });

        var json = AvroTestData.Parse(AvroJsonDecoder.Compile(schemaText).ToJson(bytes));

        Assert.Equal("B-2", json.GetProperty("first")[1].GetProperty("sku").GetString());
    }

    [Fact]
    public void ToJson_RecursiveRecord_WritesTheWholeChain()
    {
        const string schemaText = """
            {"type":"record","name":"Node","namespace":"list","fields":[{"name":"value","type":"int"},{"name":"next","type":["null","Node"]}]}
            """;

        var json = AvroTestData.RoundTrip(schemaText, schema =>
        {
            var third = AvroTestData.Record(schema, ("value", 3), ("next", null));
            var second = AvroTestData.Record(schema, ("value", 2), ("next", third));
            return AvroTestData.Record(schema, ("value", 1), ("next", second));
        });

        Assert.Equal(3, json.GetProperty("next").GetProperty("next").GetProperty("value").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("next").GetProperty("next").GetProperty("next").ValueKind);
    }

    [Fact]
    public void Compile_Record_TypeNameIsTheFullName()
    {
        var decoder = AvroJsonDecoder.Compile(OrderSchema);

        Assert.Equal("shop.orders.OrderPlaced", decoder.TypeName);
    }

    [Fact]
    public void Compile_Enum_TypeNameIsTheFullName()
    {
        var decoder = AvroJsonDecoder.Compile("""{"type":"enum","name":"Colour","namespace":"paint","symbols":["RED"]}""");

        Assert.Equal("paint.Colour", decoder.TypeName);
    }

    [Fact]
    public void Compile_WithReferencesInDependencyOrderReversed_ResolvesNamedTypes()
    {
        var references = new List<SchemaReferenceText>
        {
            new("shop.Customer", """{"type":"record","name":"Customer","namespace":"shop","fields":[{"name":"address","type":"shop.Address"}]}"""),
            new("shop.Address", """{"type":"record","name":"Address","namespace":"shop","fields":[{"name":"city","type":"string"}]}"""),
        };
        const string main = """{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"customer","type":"Customer"}]}""";
        var names = new SchemaNames();
        Schema.Parse(references[1].Text, names, null);
        Schema.Parse(references[0].Text, names, null);
        var schema = (RecordSchema)Schema.Parse(main, names, null);
        var customerSchema = (RecordSchema)schema["customer"].Schema;
        var address = AvroTestData.Record(customerSchema["address"].Schema, ("city", "Oslo"));
        var bytes = AvroTestData.Write(schema, AvroTestData.Record(schema, ("customer", AvroTestData.Record(customerSchema, ("address", address)))));

        var decoder = AvroJsonDecoder.Compile(main, references);
        var json = AvroTestData.Parse(decoder.ToJson(bytes));

        Assert.Equal("shop.Order", decoder.TypeName);
        Assert.Equal("Oslo", json.GetProperty("customer").GetProperty("address").GetProperty("city").GetString());
    }

    [Fact]
    public void ToJson_ConfluentFramedPayloadBody_DecodesAfterTheFivePrefixBytes()
    {
        const string schemaText = """{"type":"record","name":"Ping","namespace":"demo","fields":[{"name":"id","type":"string"}]}""";
        var schema = Schema.Parse(schemaText);
        var body = AvroTestData.Write(schema, AvroTestData.Record(schema, ("id", "m-1")));
        byte[] framed = [0, 0, 0, 0, 42, .. body];

        var json = AvroTestData.Parse(AvroJsonDecoder.Compile(schemaText).ToJson(framed.AsSpan(5)));

        Assert.Equal("m-1", json.GetProperty("id").GetString());
    }

    [Fact]
    public void ToJson_SameDecoderFromManyThreads_GivesEachItsOwnResult()
    {
        const string schemaText = """{"type":"record","name":"N","fields":[{"name":"n","type":"int"}]}""";
        var schema = Schema.Parse(schemaText);
        var decoder = AvroJsonDecoder.Compile(schemaText);
        var datums = Enumerable.Range(0, 64).Select(i => AvroTestData.Write(schema, AvroTestData.Record(schema, ("n", i)))).ToArray();

        var results = new int[datums.Length];
        Parallel.For(0, datums.Length, i => results[i] = AvroTestData.Parse(decoder.ToJson(datums[i])).GetProperty("n").GetInt32());

        Assert.Equal(Enumerable.Range(0, 64), results);
    }
}
