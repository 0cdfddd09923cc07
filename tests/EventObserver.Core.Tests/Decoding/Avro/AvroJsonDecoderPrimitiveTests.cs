using System.Text.Json;
using Avro;
using EventObserver.Core.Decoding.Avro;

namespace EventObserver.Core.Tests.Decoding.Avro;

public sealed class AvroJsonDecoderPrimitiveTests
{
    [Fact]
    public void ToJson_Null_WritesNull()
    {
        var json = AvroTestData.RoundTrip("\"null\"", _ => null);

        Assert.Equal(JsonValueKind.Null, json.ValueKind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ToJson_Boolean_WritesBoolean(bool value)
    {
        var json = AvroTestData.RoundTrip("\"boolean\"", _ => value);

        Assert.Equal(value, json.GetBoolean());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void ToJson_Int_WritesNumber(int value)
    {
        var json = AvroTestData.RoundTrip("\"int\"", _ => value);

        Assert.Equal(value, json.GetInt32());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(9_007_199_254_740_993L)]
    public void ToJson_Long_WritesExactNumber(long value)
    {
        var json = AvroTestData.RoundTrip("\"long\"", _ => value);

        Assert.Equal(value, json.GetInt64());
    }

    [Fact]
    public void ToJson_Float_WritesNumber()
    {
        var json = AvroTestData.RoundTrip("\"float\"", _ => 1.5f);

        Assert.Equal(1.5f, json.GetSingle());
    }

    [Fact]
    public void ToJson_Double_WritesNumber()
    {
        var json = AvroTestData.RoundTrip("\"double\"", _ => -123.456);

        Assert.Equal(-123.456, json.GetDouble());
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void ToJson_NonFiniteDouble_WritesString(double value, string expected)
    {
        var json = AvroTestData.RoundTrip("\"double\"", _ => value);

        Assert.Equal(expected, json.GetString());
    }

    [Fact]
    public void ToJson_NonFiniteFloat_WritesString()
    {
        var json = AvroTestData.RoundTrip("\"float\"", _ => float.NegativeInfinity);

        Assert.Equal("-Infinity", json.GetString());
    }

    [Fact]
    public void ToJson_Bytes_WritesBase64()
    {
        var json = AvroTestData.RoundTrip("\"bytes\"", _ => new byte[] { 0, 1, 2, 255 });

        Assert.Equal(new byte[] { 0, 1, 2, 255 }, json.GetBytesFromBase64());
    }

    [Fact]
    public void ToJson_StringWithUnicodeAndQuotes_WritesSameText()
    {
        const string text = "Grüße \"quoted\" \\ <tag> 東京 😀";

        var json = AvroTestData.RoundTrip("\"string\"", _ => text);

        Assert.Equal(text, json.GetString());
    }

    [Fact]
    public void ToJson_NonAsciiString_StaysReadableInTheJsonText()
    {
        var schema = Schema.Parse("\"string\"");
        var bytes = AvroTestData.Write(schema, "Grüße");

        var text = System.Text.Encoding.UTF8.GetString(AvroJsonDecoder.Compile("\"string\"").ToJson(bytes));

        Assert.Equal("\"Grüße\"", text);
    }

    [Fact]
    public void ToJson_StringWithInvalidUtf8_WritesReplacementCharacter()
    {
        byte[] datum = [0x04, (byte)'a', 0xFF];

        var json = AvroTestData.Parse(AvroJsonDecoder.Compile("\"string\"").ToJson(datum));

        Assert.Equal("a\uFFFD", json.GetString());
    }

    [Fact]
    public void Compile_PrimitiveSchema_HasNoTypeName()
    {
        var decoder = AvroJsonDecoder.Compile("\"string\"");

        Assert.Null(decoder.TypeName);
    }
}
