using Avro;
using Avro.Generic;
using EventObserver.Core.Decoding.Avro;
using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Tests.Decoding.Avro;

public sealed class AvroJsonDecoderBadInputTests
{
    private const string SchemaText = """
        {"type":"record","name":"Event","fields":[
          {"name":"id","type":"string"},{"name":"n","type":"long"},{"name":"tags","type":{"type":"array","items":"string"}},
          {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["A","B"]}},{"name":"extra","type":["null","double"]}]}
        """;

    private readonly AvroJsonDecoder _decoder = AvroJsonDecoder.Compile(SchemaText);

    [Fact]
    public void ToJson_EveryTruncation_IsCorruptWithOffset()
    {
        var full = ValidDatum();

        for (var length = 0; length < full.Length; length++)
        {
            var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson(full.AsSpan(0, length)));

            Assert.Equal(DecodeStatus.Corrupt, error.Status);
            Assert.Contains("at byte", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToJson_TrailingBytes_IsSchemaMismatch()
    {
        byte[] datum = [.. ValidDatum(), 0x01, 0x02];

        var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson(datum));

        Assert.Equal(DecodeStatus.SchemaMismatch, error.Status);
        Assert.StartsWith("2 bytes left after the datum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_NegativeStringLength_IsCorrupt()
    {
        byte[] datum = [0x01, (byte)'x'];

        var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson(datum));

        Assert.Equal(DecodeStatus.Corrupt, error.Status);
        Assert.Contains("negative length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_HostileStringLength_IsCorruptWithoutAllocating()
    {
        byte[] datum = [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F];

        var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson(datum));

        Assert.Equal(DecodeStatus.Corrupt, error.Status);
        Assert.Contains("only 0 are left", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_HostileArrayCount_IsCorrupt()
    {
        // id "", n 0, then an array block claiming 2^40 items.
        byte[] datum = [0x00, 0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40, 0x00];

        var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson(datum));

        Assert.Equal(DecodeStatus.Corrupt, error.Status);
        Assert.Contains("claims", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_HostileCountOfNullItems_IsCorruptNotALongLoop()
    {
        byte[] datum = [0xFE, 0xFF, 0xFF, 0xFF, 0x0F, 0x00];

        var error = Assert.Throws<PayloadDecodeException>(
            () => AvroJsonDecoder.Compile("""{"type":"array","items":"null"}""").ToJson(datum));

        Assert.Equal(DecodeStatus.Corrupt, error.Status);
    }

    [Fact]
    public void ToJson_OverlongVarint_IsCorrupt()
    {
        byte[] datum = [0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];

        var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson(datum));

        Assert.Equal(DecodeStatus.Corrupt, error.Status);
        Assert.Contains("at byte 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_EnumIndexOutOfRange_IsCorrupt()
    {
        byte[] datum = [0x00, 0x00, 0x00, 0x06, 0x00];

        var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson(datum));

        Assert.Equal(DecodeStatus.Corrupt, error.Status);
        Assert.Contains("enum Kind index 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_UnionIndexOutOfRange_IsCorrupt()
    {
        byte[] datum = [0x00, 0x00, 0x00, 0x02, 0x04];

        var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson(datum));

        Assert.Equal(DecodeStatus.Corrupt, error.Status);
        Assert.Contains("union branch 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("at byte 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_RecursionDeeperThanTheLimit_IsCorruptNotAStackOverflow()
    {
        var decoder = AvroJsonDecoder.Compile("""{"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]}""");
        var datum = Enumerable.Repeat((byte)0x02, 10_000).Append((byte)0x00).ToArray();

        var error = Assert.Throws<PayloadDecodeException>(() => decoder.ToJson(datum));

        Assert.Equal(DecodeStatus.Corrupt, error.Status);
        Assert.Contains("nest deeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_SelfContainedRecordThatReadsNoBytes_IsCorruptNotAStackOverflow()
    {
        var decoder = AvroJsonDecoder.Compile("""{"type":"record","name":"Loop","fields":[{"name":"self","type":"Loop"}]}""");

        var error = Assert.Throws<PayloadDecodeException>(() => decoder.ToJson([]));

        Assert.Equal(DecodeStatus.Corrupt, error.Status);
    }

    [Fact]
    public void ToJson_RandomGarbage_OnlyEverThrowsPayloadDecodeException()
    {
        var random = new Random(11);
        var buffer = new byte[64];
        var decoded = 0;

        for (var i = 0; i < 5_000; i++)
        {
            random.NextBytes(buffer);
            var length = random.Next(buffer.Length);
            try
            {
                _decoder.ToJson(buffer.AsSpan(0, length));
                decoded++;
            }
            catch (PayloadDecodeException error)
            {
                Assert.True(error.Status is DecodeStatus.Corrupt or DecodeStatus.SchemaMismatch, error.Message);
            }
        }

        Assert.True(decoded < 5_000);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a","type":"Missing"}]}""")]
    [InlineData("""{"type":"bytes","logicalType":"decimal"}""")]
    public void Compile_InvalidSchemaText_IsInvalidSchema(string schemaText)
    {
        var error = Assert.Throws<PayloadDecodeException>(() => AvroJsonDecoder.Compile(schemaText));

        Assert.Equal(DecodeStatus.InvalidSchema, error.Status);
    }

    [Fact]
    public void Compile_ReferenceThatDoesNotParse_NamesItInTheError()
    {
        var references = new List<SchemaReferenceText> { new("broken.avsc", "{\"type\":") };

        var error = Assert.Throws<PayloadDecodeException>(() =>
            AvroJsonDecoder.Compile("""{"type":"record","name":"R","fields":[{"name":"a","type":"Other"}]}""", references));

        Assert.Equal(DecodeStatus.InvalidSchema, error.Status);
        Assert.Contains("broken.avsc", error.Message, StringComparison.Ordinal);
    }

    private static byte[] ValidDatum()
    {
        var schema = (RecordSchema)Schema.Parse(SchemaText);
        return AvroTestData.Write(schema, AvroTestData.Record(schema,
            ("id", "evt-1"), ("n", 123456789L), ("tags", new object[] { "a", "bc" }),
            ("kind", new GenericEnum((EnumSchema)schema["kind"].Schema, "B")), ("extra", 2.5)));
    }
}
