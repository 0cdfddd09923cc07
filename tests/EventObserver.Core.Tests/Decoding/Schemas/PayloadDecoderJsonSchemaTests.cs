using System.Text;
using EventObserver.Core.Decoding.Schemas;

namespace EventObserver.Core.Tests.Decoding.Schemas;

public sealed class PayloadDecoderJsonSchemaTests
{
    private readonly FakeSchemaRegistry _registry = new FakeSchemaRegistry()
        .Add(21, SchemaFormat.Json, """{"type":"object","title":"OrderPlaced"}""", subject: "orders-value", version: 2);

    [Fact]
    public void Decode_JsonSchemaFrame_TheJsonAfterThePrefixIsTheView()
    {
        var decoder = new PayloadDecoder(new DecodingOptions(), _registry);
        const string Json = """{"orderId":"o-1","amount":12.5}""";

        var result = decoder.Decode("orders", Frames.Json(21, Json), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(Json, Encoding.UTF8.GetString(result.Json!));
        Assert.Equal(DecodeStatus.Decoded, result.Decoding.Status);
        Assert.Equal(SchemaFormat.Json, result.Decoding.Format);
        Assert.Equal(21, result.Decoding.SchemaId);
        Assert.Equal("orders-value", result.Decoding.Subject);
        Assert.Equal(2, result.Decoding.Version);
        Assert.Null(result.Decoding.Error);
    }

    [Theory]
    [InlineData("{\"orderId\":")]
    [InlineData("{\"a\":1}{\"b\":2}")]
    [InlineData("not json")]
    public void Decode_JsonSchemaFrameWithBrokenJson_IsCorrupt(string body)
    {
        var decoder = new PayloadDecoder(new DecodingOptions(), _registry);

        var result = decoder.Decode("orders", Frames.Json(21, body), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Null(result.Json);
        Assert.Equal(DecodeStatus.Corrupt, result.Decoding.Status);
        Assert.Equal(SchemaFormat.Json, result.Decoding.Format);
    }

    [Fact]
    public void Decode_JsonSchemaFramedKey_IsDecoded()
    {
        var decoder = new PayloadDecoder(new DecodingOptions(), _registry);

        var result = decoder.Decode("orders", Frames.Json(21, "\"customer-7\""), PayloadRole.Key);

        Assert.NotNull(result);
        Assert.Equal("\"customer-7\"", Encoding.UTF8.GetString(result.Json!));
    }
}
