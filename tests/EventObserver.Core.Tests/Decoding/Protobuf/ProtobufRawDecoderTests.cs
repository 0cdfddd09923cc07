extern alias gpb;
using gpb::Google.Protobuf;

namespace EventObserver.Core.Tests.Decoding.Protobuf;

public sealed class ProtobufRawDecoderTests
{
    [Fact]
    public void TryToJson_Scalars_AreNumbersKeyedByFieldNumber()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Tag(1, WireFormat.WireType.Varint); o.WriteInt32(150);
            o.Tag(2, WireFormat.WireType.Fixed32); o.WriteFixed32(7);
            o.Tag(3, WireFormat.WireType.Fixed64); o.WriteFixed64(8);
            o.Tag(4, WireFormat.WireType.Varint); o.WriteInt64(-1);
        });

        Assert.Equal("""{"1":150,"2":7,"3":8,"4":18446744073709551615}""", ProtoBytes.Raw(body));
    }

    [Fact]
    public void TryToJson_LengthDelimited_IsTextNestedMessageOrBase64()
    {
        var nested = ProtoBytes.Build(o =>
        {
            o.Tag(1, WireFormat.WireType.LengthDelimited); o.WriteString("inner");
            o.Tag(2, WireFormat.WireType.Varint); o.WriteInt32(2);
        });
        var body = ProtoBytes.Build(o =>
        {
            o.Tag(1, WireFormat.WireType.LengthDelimited); o.WriteString("hello world");
            o.Nested(2, nested);
            o.Tag(3, WireFormat.WireType.LengthDelimited); o.WriteBytes(ByteString.CopyFrom(0xFF, 0x00, 0x07));
            o.Tag(4, WireFormat.WireType.LengthDelimited); o.WriteString(string.Empty);
        });

        Assert.Equal("""{"1":"hello world","2":{"1":"inner","2":2},"3":"/wAH","4":""}""", ProtoBytes.Raw(body));
    }

    [Fact]
    public void TryToJson_RepeatedField_IsArrayInWireOrder()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Tag(5, WireFormat.WireType.Varint); o.WriteInt32(3);
            o.Tag(1, WireFormat.WireType.Varint); o.WriteInt32(1);
            o.Tag(5, WireFormat.WireType.Varint); o.WriteInt32(2);
        });

        Assert.Equal("""{"1":1,"5":[3,2]}""", ProtoBytes.Raw(body));
    }

    [Fact]
    public void TryToJson_Group_IsNestedObject()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Tag(2, WireFormat.WireType.StartGroup);
            o.Tag(1, WireFormat.WireType.Varint); o.WriteInt32(9);
            o.Tag(2, WireFormat.WireType.EndGroup);
        });

        Assert.Equal("""{"2":{"1":9}}""", ProtoBytes.Raw(body));
    }

    [Fact]
    public void TryToJson_EmptyBody_IsEmptyObject()
    {
        Assert.Equal("{}", ProtoBytes.Raw([]));
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x05, 0x61 })]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x08 })]
    [InlineData(new byte[] { 0x0F, 0x01 })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x31, 0x7D })]
    public void TryToJson_NotAMessage_IsNull(byte[] body)
    {
        Assert.Null(ProtoBytes.Raw(body));
    }

    [Fact]
    public void TryToJson_RandomBytes_NeverThrowsAndYieldsJsonWhenItAnswers()
    {
        var random = new Random(7);
        var answered = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var body = new byte[random.Next(0, 48)];
            random.NextBytes(body);

            var json = ProtoBytes.Raw(body);

            if (json is not null)
            {
                using var document = System.Text.Json.JsonDocument.Parse(json);
                Assert.Equal(System.Text.Json.JsonValueKind.Object, document.RootElement.ValueKind);
                answered++;
            }
        }

        Assert.InRange(answered, 1, 19_999);
    }
}
