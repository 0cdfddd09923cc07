extern alias gpb;
using EventObserver.Core.Decoding.Protobuf;
using gpb::Google.Protobuf;

namespace EventObserver.Core.Tests.Decoding.Protobuf;

public sealed class ProtobufJsonDecoderScalarTests
{
    private const string Schema = """
        syntax = "proto3";
        package demo.scalars;

        enum Status { STATUS_UNKNOWN = 0; ACTIVE = 1; CLOSED = 2; }

        message Scalars {
          double a_double = 1;
          float a_float = 2;
          int64 an_int64 = 3;
          uint64 a_uint64 = 4;
          int32 an_int32 = 5;
          fixed64 a_fixed64 = 6;
          fixed32 a_fixed32 = 7;
          bool a_bool = 8;
          string a_string = 9;
          bytes some_bytes = 12;
          uint32 a_uint32 = 13;
          Status status = 14;
          sfixed32 an_sfixed32 = 15;
          sfixed64 an_sfixed64 = 16;
          sint32 an_sint32 = 17;
          sint64 an_sint64 = 18;
        }
        """;

    private readonly ProtobufJsonDecoder _decoder = ProtobufJsonDecoder.Compile(Schema);

    [Fact]
    public void ToJson_EveryScalarType_WritesCanonicalJson()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Tag(1, WireFormat.WireType.Fixed64); o.WriteDouble(1.5);
            o.Tag(2, WireFormat.WireType.Fixed32); o.WriteFloat(-0.25f);
            o.Tag(3, WireFormat.WireType.Varint); o.WriteInt64(-9_007_199_254_740_993);
            o.Tag(4, WireFormat.WireType.Varint); o.WriteUInt64(ulong.MaxValue);
            o.Tag(5, WireFormat.WireType.Varint); o.WriteInt32(-42);
            o.Tag(6, WireFormat.WireType.Fixed64); o.WriteFixed64(18_000_000_000_000_000_000);
            o.Tag(7, WireFormat.WireType.Fixed32); o.WriteFixed32(4_000_000_000);
            o.Tag(8, WireFormat.WireType.Varint); o.WriteBool(true);
            o.Tag(9, WireFormat.WireType.LengthDelimited); o.WriteString("Grüße \"東京\"");
            o.Tag(12, WireFormat.WireType.LengthDelimited); o.WriteBytes(ByteString.CopyFrom(1, 2, 255));
            o.Tag(13, WireFormat.WireType.Varint); o.WriteUInt32(uint.MaxValue);
            o.Tag(14, WireFormat.WireType.Varint); o.WriteEnum(2);
            o.Tag(15, WireFormat.WireType.Fixed32); o.WriteSFixed32(-7);
            o.Tag(16, WireFormat.WireType.Fixed64); o.WriteSFixed64(long.MinValue);
            o.Tag(17, WireFormat.WireType.Varint); o.WriteSInt32(-3);
            o.Tag(18, WireFormat.WireType.Varint); o.WriteSInt64(-4_000_000_000);
        });

        var json = _decoder.Json("demo.scalars.Scalars", body);

        Assert.Equal(
            """{"aDouble":1.5,"aFloat":-0.25,"anInt64":"-9007199254740993","aUint64":"18446744073709551615","anInt32":-42"""
            + ""","aFixed64":"18000000000000000000","aFixed32":4000000000,"aBool":true"""
            + ""","aString":"Grüße \"東京\"","someBytes":"AQL/","aUint32":4294967295"""
            + ""","status":"CLOSED","anSfixed32":-7,"anSfixed64":"-9223372036854775808","anSint32":-3,"anSint64":"-4000000000"}""",
            json);
    }

    [Fact]
    public void ToJson_FieldsOutOfDeclarationOrder_WritesDeclarationOrder()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Tag(9, WireFormat.WireType.LengthDelimited); o.WriteString("late");
            o.Tag(5, WireFormat.WireType.Varint); o.WriteInt32(1);
        });

        Assert.Equal("""{"anInt32":1,"aString":"late"}""", _decoder.Json("demo.scalars.Scalars", body));
    }

    [Fact]
    public void ToJson_ScalarSentTwice_LastValueWins()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Tag(5, WireFormat.WireType.Varint); o.WriteInt32(1);
            o.Tag(5, WireFormat.WireType.Varint); o.WriteInt32(2);
        });

        Assert.Equal("""{"anInt32":2}""", _decoder.Json("demo.scalars.Scalars", body));
    }

    [Fact]
    public void ToJson_EnumNumberWithoutName_WritesTheNumber()
    {
        var body = ProtoBytes.Build(o => { o.Tag(14, WireFormat.WireType.Varint); o.WriteEnum(9); });

        Assert.Equal("""{"status":9}""", _decoder.Json("demo.scalars.Scalars", body));
    }

    [Fact]
    public void ToJson_NonFiniteFloatingPoint_WritesTheCanonicalStrings()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Tag(1, WireFormat.WireType.Fixed64); o.WriteDouble(double.NaN);
            o.Tag(2, WireFormat.WireType.Fixed32); o.WriteFloat(float.NegativeInfinity);
        });

        Assert.Equal("""{"aDouble":"NaN","aFloat":"-Infinity"}""", _decoder.Json("demo.scalars.Scalars", body));
    }

    [Fact]
    public void ToJson_EmptyBody_IsEmptyObject()
    {
        Assert.Equal("{}", _decoder.Json("demo.scalars.Scalars", []));
    }

    [Fact]
    public void ToJson_UnknownFieldNumbers_KeptUnderUnknownByNumber()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Tag(5, WireFormat.WireType.Varint); o.WriteInt32(1);
            o.Tag(40, WireFormat.WireType.Varint); o.WriteInt32(7);
            o.Tag(41, WireFormat.WireType.LengthDelimited); o.WriteString("extra");
            o.Tag(40, WireFormat.WireType.Varint); o.WriteInt32(8);
            o.Tag(42, WireFormat.WireType.Fixed32); o.WriteFixed32(3);
        });

        Assert.Equal("""{"anInt32":1,"_unknown":{"40":[7,8],"41":"extra","42":3}}""", _decoder.Json("demo.scalars.Scalars", body));
    }

    [Fact]
    public void ToJson_Proto2File_DecodesOptionalRequiredGroupsAndPackedOption()
    {
        var decoder = ProtobufJsonDecoder.Compile("""
            syntax = "proto2";
            package legacy;
            message Order {
              required string id = 1;
              optional int32 quantity = 2 [default = 5];
              repeated int32 codes = 3 [packed = true];
              repeated int32 loose = 4;
              optional group Extra = 5 { optional string note = 1; }
            }
            """);
        var packed = ProtoBytes.Build(o => { o.WriteInt32(1); o.WriteInt32(300); });
        var body = ProtoBytes.Build(o =>
        {
            o.Tag(1, WireFormat.WireType.LengthDelimited); o.WriteString("o-1");
            o.Nested(3, packed);
            o.Tag(4, WireFormat.WireType.Varint); o.WriteInt32(9);
            o.Tag(4, WireFormat.WireType.Varint); o.WriteInt32(10);
            o.Tag(5, WireFormat.WireType.StartGroup);
            o.Tag(1, WireFormat.WireType.LengthDelimited); o.WriteString("gift");
            o.Tag(5, WireFormat.WireType.EndGroup);
        });

        var json = decoder.Json("legacy.Order", body);

        Assert.Equal("""{"id":"o-1","codes":[1,300],"loose":[9,10],"extra":{"note":"gift"}}""", json);
    }
}
