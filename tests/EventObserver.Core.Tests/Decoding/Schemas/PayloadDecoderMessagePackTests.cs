using System.Text;
using System.Text.Json;
using EventObserver.Core.Decoding.Schemas;
using MessagePack;

namespace EventObserver.Core.Tests.Decoding.Schemas;

public sealed class PayloadDecoderMessagePackTests
{
    private static readonly byte[] s_order = MessagePackSerializer.Serialize(new Dictionary<string, object?>
    {
        ["orderId"] = "o-1",
        ["amount"] = 12.5,
        ["lines"] = new object[] { 1, 2, 3 },
        ["paid"] = true,
        ["note"] = null,
        ["count"] = 300,
        ["big"] = ulong.MaxValue,
        ["negative"] = -70000,
    });

    private static PayloadDecoder Decoder(DecodingOptions? options = null) => new(options ?? new DecodingOptions(), NoSchemaRegistry.Instance);

    [Fact]
    public void Decode_MessagePackMap_IsDetectedAsJson()
    {
        var result = Decoder().Decode("orders", s_order, PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal(SchemaFormat.MessagePack, result.Decoding.Format);
        Assert.Equal(DecodeStatus.Decoded, result.Decoding.Status);
        using var json = JsonDocument.Parse(result.Json);
        var root = json.RootElement;
        Assert.Equal("o-1", root.GetProperty("orderId").GetString());
        Assert.Equal(12.5, root.GetProperty("amount").GetDouble());
        Assert.Equal([1, 2, 3], root.GetProperty("lines").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(root.GetProperty("paid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("note").ValueKind);
        Assert.Equal(300, root.GetProperty("count").GetInt32());
        Assert.Equal(ulong.MaxValue, root.GetProperty("big").GetUInt64());
        Assert.Equal(-70000, root.GetProperty("negative").GetInt32());
    }

    [Fact]
    public void Decode_MessagePackArray_IsDetected()
    {
        var bytes = MessagePackSerializer.Serialize(new object[] { "a", 1.5f, new byte[] { 1, 2, 3 } });

        var result = Decoder().Decode("orders", bytes, PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal("""["a",1.5,"AQID"]""", Encoding.UTF8.GetString(result.Json!));
    }

    [Fact]
    public void Decode_NonStringKeysAndTimestamp_BecomeTextAndIsoTime()
    {
        var when = new DateTime(2026, 12, 2, 10, 15, 30, 123, DateTimeKind.Utc);
        var bytes = MessagePackSerializer.Serialize(new Dictionary<object, object> { [7] = "seven", ["at"] = when });

        var result = Decoder().Decode("orders", bytes, PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal("""{"7":"seven","at":"2026-12-02T10:15:30.123Z"}""", Encoding.UTF8.GetString(result.Json!));
    }

    [Fact]
    public void Decode_DetectionOff_IsNotMessagePack()
    {
        Assert.Null(Decoder(new DecodingOptions { DetectMessagePack = false }).Decode("orders", s_order, PayloadRole.Value));
    }

    [Fact]
    public void Decode_MessagePackWithTrailingBytes_IsNotDetected()
    {
        byte[] bytes = [.. s_order, 0xC0];

        Assert.Null(Decoder().Decode("orders", bytes, PayloadRole.Value));
    }

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("[1,2]")]
    [InlineData("hello")]
    [InlineData("Þ is a letter")]
    public void Decode_JsonOrText_IsNeverMessagePack(string text)
    {
        Assert.Null(Decoder().Decode("orders", Encoding.UTF8.GetBytes(text), PayloadRole.Value));
    }

    [Fact]
    public void Decode_ConfluentFrame_IsNotMistakenForMessagePack()
    {
        var result = Decoder().Decode("orders", Frames.Of(3, s_order), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.NotEqual(SchemaFormat.MessagePack, result.Decoding.Format);
        Assert.Equal(DecodeStatus.SchemaUnavailable, result.Decoding.Status);
    }

    [Fact]
    public void Decode_MessagePackKey_IsNotDetected()
    {
        Assert.Null(Decoder().Decode("orders", s_order, PayloadRole.Key));
    }

    [Fact]
    public void Decode_TopicRuleWithScalar_IsDecoded()
    {
        var decoder = Decoder(new DecodingOptions { MessagePackTopics = ["^metrics\\."] });

        var result = decoder.Decode("metrics.cpu", MessagePackSerializer.Serialize("busy"), PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Equal("\"busy\"", Encoding.UTF8.GetString(result.Json!));
        Assert.Equal(SchemaFormat.MessagePack, result.Decoding.Format);
    }

    [Fact]
    public void Decode_TopicRuleWithGarbage_IsCorrupt()
    {
        var decoder = Decoder(new DecodingOptions { MessagePackTopics = ["^metrics\\."] });

        var result = decoder.Decode("metrics.cpu", [0x92, 0x01], PayloadRole.Value);

        Assert.NotNull(result);
        Assert.Null(result.Json);
        Assert.Equal(DecodeStatus.Corrupt, result.Decoding.Status);
        Assert.Equal(SchemaFormat.MessagePack, result.Decoding.Format);
    }

    [Fact]
    public void Decode_TopicRuleOtherTopic_UsesDetectionOnly()
    {
        var decoder = Decoder(new DecodingOptions { MessagePackTopics = ["^metrics\\."] });

        Assert.Null(decoder.Decode("orders", MessagePackSerializer.Serialize("busy"), PayloadRole.Value));
    }

    [Fact]
    public void Decode_HostileNestingAndLengths_AreCorruptOrNotDetected()
    {
        var deep = Enumerable.Repeat((byte)0x91, 100_000).Append((byte)0xC0).ToArray();
        byte[] hugeArray = [0xDD, 0x7F, 0xFF, 0xFF, 0xFF, 0x01];
        var decoder = Decoder(new DecodingOptions { MessagePackTopics = [".*"] });

        Assert.Equal(DecodeStatus.Corrupt, decoder.Decode("t", deep, PayloadRole.Value)!.Decoding.Status);
        Assert.Equal(DecodeStatus.Corrupt, decoder.Decode("t", hugeArray, PayloadRole.Value)!.Decoding.Status);
        Assert.Null(Decoder().Decode("t", deep, PayloadRole.Value));
    }
}
