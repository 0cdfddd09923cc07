extern alias gpb;
using EventObserver.Core.Decoding.Protobuf;
using gpb::Google.Protobuf;
using gpb::Google.Protobuf.WellKnownTypes;

namespace EventObserver.Core.Tests.Decoding.Protobuf;

public sealed class ProtobufJsonDecoderWellKnownTests
{
    private const string Schema = """
        syntax = "proto3";
        package wk;
        import "google/protobuf/timestamp.proto";
        import "google/protobuf/duration.proto";
        import "google/protobuf/wrappers.proto";
        import "google/protobuf/struct.proto";
        import "google/protobuf/empty.proto";
        import "google/protobuf/any.proto";
        import "google/protobuf/field_mask.proto";

        message Holder {
          google.protobuf.Timestamp at = 1;
          google.protobuf.Duration took = 2;
          google.protobuf.StringValue name = 3;
          google.protobuf.Int32Value count = 4;
          google.protobuf.Int64Value big = 5;
          google.protobuf.BoolValue flag = 6;
          google.protobuf.DoubleValue ratio = 7;
          google.protobuf.Struct attributes = 8;
          google.protobuf.Empty nothing = 9;
          google.protobuf.Any detail = 10;
          google.protobuf.FieldMask mask = 11;
          google.protobuf.Value value = 12;
          repeated google.protobuf.Timestamp history = 13;
        }

        message Note { string text = 1; }
        """;

    private readonly ProtobufJsonDecoder _decoder = ProtobufJsonDecoder.Compile(Schema);

    [Theory]
    [InlineData(1_700_000_000, 0, "\"2023-11-14T22:13:20Z\"")]
    [InlineData(1_700_000_000, 500_000_000, "\"2023-11-14T22:13:20.500Z\"")]
    [InlineData(0, 1_000, "\"1970-01-01T00:00:00.000001Z\"")]
    [InlineData(-1, 123_456_789, "\"1969-12-31T23:59:59.123456789Z\"")]
    public void ToJson_Timestamp_IsRfc3339LikeGoogleJsonFormatter(long seconds, int nanos, string expected)
    {
        var timestamp = new Timestamp { Seconds = seconds, Nanos = nanos };
        var body = ProtoBytes.Build(o => o.Nested(1, timestamp));

        var json = _decoder.Json("wk.Holder", body);

        Assert.Equal(expected, JsonFormatter.Default.Format(timestamp));
        Assert.Equal($$"""{"at":{{expected}}}""", json);
    }

    [Theory]
    [InlineData(1, 500_000_000, "\"1.500s\"")]
    [InlineData(0, 0, "\"0s\"")]
    [InlineData(-3, -1_000, "\"-3.000001s\"")]
    [InlineData(0, -500_000_000, "\"-0.500s\"")]
    public void ToJson_Duration_IsSecondsTextLikeGoogleJsonFormatter(long seconds, int nanos, string expected)
    {
        var duration = new Duration { Seconds = seconds, Nanos = nanos };
        var body = ProtoBytes.Build(o => o.Nested(2, duration));

        var json = _decoder.Json("wk.Holder", body);

        Assert.Equal(expected, JsonFormatter.Default.Format(duration));
        Assert.Equal($$"""{"took":{{expected}}}""", json);
    }

    [Fact]
    public void ToJson_Wrappers_ArePlainValues()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Nested(3, new StringValue { Value = "ada" });
            o.Nested(4, new Int32Value { Value = 0 });
            o.Nested(5, new Int64Value { Value = 5_000_000_000 });
            o.Nested(6, new BoolValue { Value = true });
            o.Nested(7, new DoubleValue { Value = 0.5 });
        });

        Assert.Equal("""{"name":"ada","count":0,"big":"5000000000","flag":true,"ratio":0.5}""", _decoder.Json("wk.Holder", body));
    }

    [Fact]
    public void ToJson_StructValueAndListValue_AreJson()
    {
        var attributes = Struct.Parser.ParseJson("""{"city":"Oslo","n":2,"ok":true,"none":null,"list":[1,"two",{"x":false}],"inner":{}}""");
        var body = ProtoBytes.Build(o =>
        {
            o.Nested(8, attributes);
            o.Nested(12, Value.ForString("v"));
        });

        var json = _decoder.Json("wk.Holder", body);

        Assert.Equal(
            """{"attributes":""" + JsonFormatter.Default.Format(attributes).Replace(" ", string.Empty, StringComparison.Ordinal)
                + ""","value":"v"}""",
            json);
    }

    [Fact]
    public void ToJson_EmptyAndFieldMask_AreObjectAndPathText()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Nested(9, new Empty());
            o.Nested(11, new FieldMask { Paths = { "order_id", "total.currency_code" } });
        });

        Assert.Equal("""{"nothing":{},"mask":"orderId,total.currencyCode"}""", _decoder.Json("wk.Holder", body));
    }

    [Fact]
    public void ToJson_AnyOfKnownType_IsInlineWithType()
    {
        var note = ProtoBytes.Build(o => { o.Tag(1, WireFormat.WireType.LengthDelimited); o.WriteString("hi"); });
        var any = new Any { TypeUrl = "type.googleapis.com/wk.Note", Value = ByteString.CopyFrom(note) };
        var body = ProtoBytes.Build(o => o.Nested(10, any));

        Assert.Equal("""{"detail":{"@type":"type.googleapis.com/wk.Note","text":"hi"}}""", _decoder.Json("wk.Holder", body));
    }

    [Fact]
    public void ToJson_AnyOfUnknownType_KeepsBase64Value()
    {
        var any = new Any { TypeUrl = "type.googleapis.com/other.Thing", Value = ByteString.CopyFrom(8, 1) };
        var body = ProtoBytes.Build(o => o.Nested(10, any));

        Assert.Equal("""{"detail":{"@type":"type.googleapis.com/other.Thing","value":"CAE="}}""", _decoder.Json("wk.Holder", body));
    }

    [Fact]
    public void ToJson_AnyOfWellKnownType_HasValueProperty()
    {
        var any = Any.Pack(new Timestamp { Seconds = 60 });
        var body = ProtoBytes.Build(o => o.Nested(10, any));

        Assert.Equal(
            """{"detail":{"@type":"type.googleapis.com/google.protobuf.Timestamp","value":"1970-01-01T00:01:00Z"}}""",
            _decoder.Json("wk.Holder", body));
    }

    [Fact]
    public void ToJson_RepeatedTimestamps_AreArrayOfTexts()
    {
        var body = ProtoBytes.Build(o =>
        {
            o.Nested(13, new Timestamp { Seconds = 0 });
            o.Nested(13, new Timestamp { Seconds = 86_400 });
        });

        Assert.Equal("""{"history":["1970-01-01T00:00:00Z","1970-01-02T00:00:00Z"]}""", _decoder.Json("wk.Holder", body));
    }

    [Fact]
    public void ToJson_TimestampOutOfRange_FallsBackToItsFields()
    {
        var body = ProtoBytes.Build(o => o.Nested(1, new Timestamp { Seconds = long.MaxValue }));

        Assert.Equal("""{"at":{"seconds":"9223372036854775807"}}""", _decoder.Json("wk.Holder", body));
    }
}
