using System.Text;
using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Tests.Decoding.Schemas;

public sealed class PayloadDecoderFramingTests
{
    private readonly FakeSchemaRegistry _registry = new();

    private PayloadDecoder Decoder(DecodingOptions? options = null) => new(options ?? new DecodingOptions(), _registry);

    [Fact]
    public void Decode_SchemaIdZero_IsUnknownSchemaWithoutAskingTheRegistry()
    {
        var result = Decoder().Decode("orders", Frames.Json(0, "{}"), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Null(result.Json);
        Assert.Equal(DecodeStatus.UnknownSchema, result.Decoding.Status);
        Assert.Equal(0, result.Decoding.SchemaId);
        Assert.Equal(0, _registry.Lookups);
    }

    [Theory]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x01 })]
    public void Decode_ValueShorterThanAFrame_IsCorruptTruncatedFrame(byte[] bytes)
    {
        var result = Decoder().Decode("orders", bytes, PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.Corrupt, result.Decoding.Status);
        Assert.Contains("Truncated frame", result.Decoding.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnknownId_IsUnknownSchemaWithTheIdAndReason()
    {
        var result = Decoder().Decode("orders", Frames.Json(77, "{}"), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.UnknownSchema, result.Decoding.Status);
        Assert.Equal(SchemaFormat.Unknown, result.Decoding.Format);
        Assert.Equal(77, result.Decoding.SchemaId);
        Assert.Equal("Schema 77 not found.", result.Decoding.Error);
    }

    [Fact]
    public void Decode_RegistryDown_IsSchemaUnavailableWithNoJson()
    {
        _registry.Add(5, SchemaFormat.Json, "{}");
        _registry.Down = true;

        var result = Decoder().Decode("orders", Frames.Json(5, "{\"a\":1}"), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Null(result.Json);
        Assert.Equal(DecodeStatus.SchemaUnavailable, result.Decoding.Status);
        Assert.Equal(5, result.Decoding.SchemaId);
        Assert.Contains("timed out", result.Decoding.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_NoRegistryConfigured_IsSchemaUnavailableSayingWhatToSet()
    {
        var decoder = new PayloadDecoder(new DecodingOptions(), NoSchemaRegistry.Instance);

        var result = decoder.Decode("orders", Frames.Json(5, "{}"), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.SchemaUnavailable, result.Decoding.Status);
        Assert.Contains("SchemaRegistry:Url", result.Decoding.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InvalidAvroSchema_IsInvalidSchemaAndKeepsRegistryDetails()
    {
        _registry.Add(9, SchemaFormat.Avro, "{\"type\": \"record\", \"name\":", subject: "orders-value", version: 3);

        var result = Decoder().Decode("orders", Frames.Of(9, [0x02, 0x41]), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Null(result.Json);
        Assert.Equal(DecodeStatus.InvalidSchema, result.Decoding.Status);
        Assert.Equal(SchemaFormat.Avro, result.Decoding.Format);
        Assert.Equal("orders-value", result.Decoding.Subject);
        Assert.Equal(3, result.Decoding.Version);
    }

    [Fact]
    public void Decode_SchemaFormatNotReadFromRegistry_IsInvalidSchema()
    {
        _registry.Add(4, SchemaFormat.MessagePack, "whatever");

        var result = Decoder().Decode("orders", Frames.Of(4, [0x80]), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(DecodeStatus.InvalidSchema, result.Decoding.Status);
    }

    [Fact]
    public void Decode_ProtobufFrameWithBrokenIndexList_IsCorrupt()
    {
        _registry.Add(6, SchemaFormat.Protobuf, "syntax = \"proto3\"; message A { string a = 1; }");

        // Count 3 (zigzag 6), then only one index.
        var result = Decoder().Decode("orders", Frames.Of(6, [0x06, 0x02]), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Null(result.Json);
        Assert.Equal(DecodeStatus.Corrupt, result.Decoding.Status);
        Assert.Equal(SchemaFormat.Protobuf, result.Decoding.Format);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x01 })]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07 })]
    [InlineData(new byte[] { 0x00, 0x00 })]
    public void Decode_BigEndianIntegerKey_IsNotTakenForAFrame(byte[] key)
    {
        var result = Decoder().Decode("orders", key, PayloadRole.Key);

        Assert.Null(result);
        Assert.Equal(0, _registry.Lookups);
    }

    [Fact]
    public void Decode_FramedKeyWithoutRegistry_IsNotTakenForAFrame()
    {
        var decoder = new PayloadDecoder(new DecodingOptions(), NoSchemaRegistry.Instance);

        Assert.Null(decoder.Decode("orders", Frames.Json(3, "\"k\""), PayloadRole.Key));
    }

    [Theory]
    [InlineData("{\"orderId\":\"o-1\"}")]
    [InlineData("plain text")]
    [InlineData("")]
    public void Decode_PlainJsonOrText_IsNotSchemaEncoded(string text)
    {
        var result = Decoder().Decode("orders", Encoding.UTF8.GetBytes(text), PayloadRole.Value);

        Assert.Null(result);
    }

    [Fact]
    public void Decode_UnknownBinary_IsNotSchemaEncoded()
    {
        Assert.Null(Decoder().Decode("orders", [0x01, 0xFF, 0x10, 0x00, 0x7F], PayloadRole.Value));
    }
}
