extern alias gpb;
using EventObserver.Core.Decoding.Protobuf;
using EventObserver.Core.Decoding.Schemas;
using gpb::Google.Protobuf;

namespace EventObserver.Core.Tests.Decoding.Protobuf;

public sealed class ProtobufJsonDecoderBadInputTests
{
    private const string Schema = """
        syntax = "proto3";
        package bad;
        message Item { string name = 1; int32 count = 2; Item child = 3; repeated int64 values = 4; map<string, Item> items = 5; }
        """;

    private readonly ProtobufJsonDecoder _decoder = ProtobufJsonDecoder.Compile(Schema);

    public static TheoryData<byte[], string> CorruptBodies => new()
    {
        { [0x0A, 0x05, (byte)'a', (byte)'b'], "length 5 at byte 1" },
        { [0x10, 0x96], "truncated varint at byte 2" },
        { [0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], "varint longer than 10 bytes" },
        { [0x00, 0x01], "field number 0 at byte 0" },
        { [0x0F], "invalid wire type 7 at byte 0" },
        { [0x10, 0x01, 0x0C], "end-group 1 without a start at byte 2" },
        { [0x33, 0x10, 0x01, 0x3C], "end-group 7 at byte 3 does not match group 6" },
        { [0x33, 0x10, 0x01], "group 6 has no end tag" },
        { [0x1A, 0x02, 0x10, 0x96], "truncated varint at byte 4" },
        { [0x0D, 0x01, 0x02], "truncated fixed32 at byte 1" },
    };

    [Theory]
    [MemberData(nameof(CorruptBodies))]
    public void ToJson_MalformedWire_IsCorruptWithTheOffset(byte[] body, string expectedInMessage)
    {
        var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson("bad.Item", body));

        Assert.Equal(DecodeStatus.Corrupt, error.Status);
        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_WireTypeThatDisagreesWithTheSchema_IsSchemaMismatch()
    {
        var body = ProtoBytes.Build(o => { o.Tag(1, WireFormat.WireType.Varint); o.WriteInt32(5); });

        var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson("bad.Item", body));

        Assert.Equal(DecodeStatus.SchemaMismatch, error.Status);
        Assert.Contains("'name' (1) of bad.Item is length-delimited, but byte 0 carries varint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_MismatchInsideAMapValue_IsSchemaMismatch()
    {
        var body = ProtoBytes.Build(o => o.Nested(5, ProtoBytes.Build(e =>
        {
            e.Tag(1, WireFormat.WireType.LengthDelimited); e.WriteString("k");
            e.Tag(2, WireFormat.WireType.Fixed32); e.WriteFixed32(1);
        })));

        var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson("bad.Item", body));

        Assert.Equal(DecodeStatus.SchemaMismatch, error.Status);
    }

    [Fact]
    public void ToJson_NestingDeeperThanTheLimit_IsCorrupt()
    {
        var body = ProtoBytes.Build(o => { o.Tag(2, WireFormat.WireType.Varint); o.WriteInt32(1); });
        for (var i = 0; i < 100; i++)
        {
            var inner = body;
            body = ProtoBytes.Build(o => o.Nested(3, inner));
        }

        var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson("bad.Item", body));

        Assert.Equal(DecodeStatus.Corrupt, error.Status);
        Assert.Contains("deeper than 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_NestingWithinTheLimit_Decodes()
    {
        var body = ProtoBytes.Build(o => { o.Tag(2, WireFormat.WireType.Varint); o.WriteInt32(1); });
        for (var i = 0; i < 60; i++)
        {
            var inner = body;
            body = ProtoBytes.Build(o => o.Nested(3, inner));
        }

        var json = _decoder.Json("bad.Item", body);

        Assert.EndsWith("""{"count":1}""" + new string('}', 60), json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_RandomBytes_OnlyEverDecodeOrThrowPayloadDecodeException()
    {
        var random = new Random(11);
        var decoded = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var body = new byte[random.Next(0, 64)];
            random.NextBytes(body);
            try
            {
                _decoder.ToJson("bad.Item", body);
                decoded++;
            }
            catch (PayloadDecodeException error)
            {
                Assert.True(error.Status is DecodeStatus.Corrupt or DecodeStatus.SchemaMismatch, error.Message);
            }
        }

        Assert.InRange(decoded, 1, 19_999);
    }

    [Fact]
    public void ToJson_AfterAFailure_NextMessageDecodesCleanly()
    {
        Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson("bad.Item", [0x1A, 0x03, 0x0A, 0x05, 0x01]));
        var body = ProtoBytes.Build(o => { o.Tag(2, WireFormat.WireType.Varint); o.WriteInt32(3); });

        Assert.Equal("""{"count":3}""", _decoder.Json("bad.Item", body));
    }
}
