using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Tests.Decoding.Schemas;

/// <summary>One schema registered for several topics has one id in all their subjects: the decoding names this record's.</summary>
public sealed class PayloadDecoderSubjectTests
{
    private const string JsonSchema = """{"type":"object"}""";
    private const string AvroSchema = """{"type":"record","name":"Ping","namespace":"shop.pings","fields":[{"name":"s","type":"string"}]}""";

    [Fact]
    public void Decode_IdSharedByOtherTopicsSubjects_NamesThisTopicsValueSubjectAndVersion()
    {
        var registry = new FakeSchemaRegistry().Add(5, SchemaFormat.Json, JsonSchema, "orders-value", 1,
            places: [new("orders-value", 1), new("payments-value", 3), new("payments-key", 1)]);
        var decoder = new PayloadDecoder(new DecodingOptions(), registry);

        var result = decoder.Decode("payments", Frames.Json(5, """{"n":1}"""), PayloadRole.Value);

        Assert.Equal((DecodeStatus.Decoded, "payments-value", (int?)3), (result!.Decoding.Status, result.Decoding.Subject, result.Decoding.Version));
    }

    [Fact]
    public void Decode_KeyWithASharedId_NamesTheKeySubject()
    {
        var registry = new FakeSchemaRegistry().Add(5, SchemaFormat.Json, JsonSchema, "payments-value", 1,
            places: [new("payments-value", 1), new("payments-key", 2)]);
        var decoder = new PayloadDecoder(new DecodingOptions(), registry);

        var result = decoder.Decode("payments", Frames.Json(5, "\"k-1\""), PayloadRole.Key);

        Assert.Equal(("payments-key", (int?)2), (result!.Decoding.Subject, result.Decoding.Version));
    }

    [Theory]
    [InlineData("pings-shop.pings.Ping")]
    [InlineData("shop.pings.Ping")]
    public void Decode_RecordNamedSubject_IsChosenByTheRecordsFullName(string subject)
    {
        var registry = new FakeSchemaRegistry().Add(7, SchemaFormat.Avro, AvroSchema, "other-value", 1,
            places: [new("other-value", 1), new(subject, 2)]);
        var decoder = new PayloadDecoder(new DecodingOptions(), registry);

        var result = decoder.Decode("pings", Frames.Of(7, [0x04, (byte)'h', (byte)'i']), PayloadRole.Value);

        Assert.Equal((DecodeStatus.Decoded, subject, (int?)2), (result!.Decoding.Status, result.Decoding.Subject, result.Decoding.Version));
    }

    [Fact]
    public void Decode_NoSubjectOfThisRecord_KeepsTheRegistrysFirst()
    {
        var registry = new FakeSchemaRegistry().Add(5, SchemaFormat.Json, JsonSchema, "orders-value", 1,
            places: [new("orders-value", 1), new("refunds-value", 2)]);
        var decoder = new PayloadDecoder(new DecodingOptions(), registry);

        var result = decoder.Decode("payments", Frames.Json(5, """{"n":1}"""), PayloadRole.Value);

        Assert.Equal(("orders-value", (int?)1), (result!.Decoding.Subject, result.Decoding.Version));
    }
}
