extern alias gpb;
using EventObserver.Core.Decoding.Protobuf;
using EventObserver.Core.Decoding.Schemas;
using gpb::Google.Protobuf;

namespace EventObserver.Core.Tests.Decoding.Protobuf;

public sealed class ProtobufJsonDecoderStructureTests
{
    private const string Common = """
        syntax = "proto3";
        package shop.common;
        message Money { string currency_code = 1; int64 units = 2; }
        enum Channel { CHANNEL_UNSPECIFIED = 0; WEB = 1; STORE = 2; }
        """;

    private const string Schema = """
        syntax = "proto3";
        package shop.orders;
        import "shop/common.proto";

        message OrderPlaced {
          message Line {
            string sku = 1;
            int32 quantity = 2;
            enum Kind { KIND_UNSPECIFIED = 0; PHYSICAL = 1; DIGITAL = 2; }
            Kind kind = 3;
          }
          string order_id = 1;
          repeated Line lines = 2;
          shop.common.Money total = 3;
          shop.common.Channel channel = 4;
          repeated int32 codes = 5;
          repeated string tags = 6;
          map<string, int32> stock = 7;
          map<int64, Line> by_number = 8;
          oneof payment {
            string card_token = 9;
            string voucher = 10;
          }
          optional int32 priority = 11;
          map<bool, shop.common.Channel> flags = 12;
        }
        """;

    private readonly ProtobufJsonDecoder _decoder =
        ProtobufJsonDecoder.Compile(Schema, [new SchemaReferenceText("shop/common.proto", Common)]);

    [Fact]
    public void ToJson_NestedAndImportedTypes_WritesObjectsAndEnumNames()
    {
        var line = ProtoBytes.Build(o =>
        {
            o.Tag(1, WireFormat.WireType.LengthDelimited); o.WriteString("sku-1");
            o.Tag(2, WireFormat.WireType.Varint); o.WriteInt32(2);
            o.Tag(3, WireFormat.WireType.Varint); o.WriteEnum(2);
        });
        var money = ProtoBytes.Build(o =>
        {
            o.Tag(1, WireFormat.WireType.LengthDelimited); o.WriteString("EUR");
            o.Tag(2, WireFormat.WireType.Varint); o.WriteInt64(12);
        });
        var body = ProtoBytes.Build(o =>
        {
            o.Tag(1, WireFormat.WireType.LengthDelimited); o.WriteString("o-1");
            o.Nested(2, line);
            o.Nested(2, line);
            o.Nested(3, money);
            o.Tag(4, WireFormat.WireType.Varint); o.WriteEnum(1);
        });

        var json = _decoder.Json("shop.orders.OrderPlaced", body);

        Assert.Equal(
            """{"orderId":"o-1","lines":[{"sku":"sku-1","quantity":2,"kind":"DIGITAL"},{"sku":"sku-1","quantity":2,"kind":"DIGITAL"}]"""
            + ""","total":{"currencyCode":"EUR","units":"12"},"channel":"WEB"}""",
            json);
    }

    [Fact]
    public void ToJson_RepeatedPackedUnpackedAndSplit_AllBecomeOneArray()
    {
        var packed = ProtoBytes.Build(o => { o.WriteInt32(1); o.WriteInt32(-2); o.WriteInt32(300); });
        var body = ProtoBytes.Build(o =>
        {
            o.Nested(5, packed);
            o.Tag(6, WireFormat.WireType.LengthDelimited); o.WriteString("a");
            o.Tag(5, WireFormat.WireType.Varint); o.WriteInt32(4);
            o.Tag(6, WireFormat.WireType.LengthDelimited); o.WriteString("b");
        });

        Assert.Equal("""{"codes":[1,-2,300,4],"tags":["a","b"]}""", _decoder.Json("shop.orders.OrderPlaced", body));
    }

    [Fact]
    public void ToJson_Maps_WriteObjectsWithStringKeysAndDefaultsForMissingParts()
    {
        var line = ProtoBytes.Build(o => { o.Tag(1, WireFormat.WireType.LengthDelimited); o.WriteString("x"); });
        var body = ProtoBytes.Build(o =>
        {
            o.Nested(7, ProtoBytes.Build(e =>
            {
                e.Tag(1, WireFormat.WireType.LengthDelimited); e.WriteString("apples");
                e.Tag(2, WireFormat.WireType.Varint); e.WriteInt32(3);
            }));
            o.Nested(7, ProtoBytes.Build(e => { e.Tag(1, WireFormat.WireType.LengthDelimited); e.WriteString("pears"); }));
            o.Nested(8, ProtoBytes.Build(e =>
            {
                e.Tag(1, WireFormat.WireType.Varint); e.WriteInt64(-5);
                e.Nested(2, line);
            }));
            o.Nested(12, ProtoBytes.Build(e =>
            {
                e.Tag(1, WireFormat.WireType.Varint); e.WriteBool(true);
                e.Tag(2, WireFormat.WireType.Varint); e.WriteEnum(2);
            }));
        });

        var json = _decoder.Json("shop.orders.OrderPlaced", body);

        Assert.Equal("""{"stock":{"apples":3,"pears":0},"byNumber":{"-5":{"sku":"x"}},"flags":{"true":"STORE"}}""", json);
    }

    [Fact]
    public void ToJson_Oneof_WritesOnlyTheMemberSetLast()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Tag(9, WireFormat.WireType.LengthDelimited); o.WriteString("card");
            o.Tag(10, WireFormat.WireType.LengthDelimited); o.WriteString("voucher-1");
            o.Tag(11, WireFormat.WireType.Varint); o.WriteInt32(0);
        });

        Assert.Equal("""{"voucher":"voucher-1","priority":0}""", _decoder.Json("shop.orders.OrderPlaced", body));
    }

    [Fact]
    public void ToJson_SingularMessageSentTwice_MergesBoth()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Nested(3, ProtoBytes.Build(m => { m.Tag(1, WireFormat.WireType.LengthDelimited); m.WriteString("EUR"); }));
            o.Nested(3, ProtoBytes.Build(m => { m.Tag(2, WireFormat.WireType.Varint); m.WriteInt64(7); }));
        });

        Assert.Equal("""{"total":{"currencyCode":"EUR","units":"7"}}""", _decoder.Json("shop.orders.OrderPlaced", body));
    }

    [Fact]
    public void ToJson_NestedMessageByName_Decodes()
    {
        var body = ProtoBytes.Build(o => { o.Tag(3, WireFormat.WireType.Varint); o.WriteEnum(1); });

        Assert.Equal("""{"kind":"PHYSICAL"}""", _decoder.Json("shop.orders.OrderPlaced.Line", body));
    }

    [Fact]
    public void ToJson_UnknownMessageName_IsSchemaMismatch()
    {
        var error = Assert.Throws<PayloadDecodeException>(() => _decoder.ToJson("shop.orders.Nope", []));

        Assert.Equal(DecodeStatus.SchemaMismatch, error.Status);
    }

    [Fact]
    public void ToJson_ManyThreadsAtOnce_EachGetsItsOwnMessage()
    {
        var bodies = Enumerable.Range(0, 64)
            .Select(i => ProtoBytes.Build(o => { o.Tag(1, WireFormat.WireType.LengthDelimited); o.WriteString($"o-{i}"); }))
            .ToArray();
        var results = new string[bodies.Length * 50];

        Parallel.For(0, results.Length, i => results[i] = _decoder.Json("shop.orders.OrderPlaced", bodies[i % bodies.Length]));

        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal($$"""{"orderId":"o-{{i % bodies.Length}}"}""", results[i]));
    }
}
