using System.Text;
using EventObserver.Core.Decoding;
using EventObserver.Core.Decoding.Schemas;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Decoding.Schemas;

public sealed class EnvelopeDecoderSchemaTests
{
    private readonly FakeSchemaRegistry _registry = new FakeSchemaRegistry().Add(8, SchemaFormat.Json, "{}", subject: "orders-value", version: 1);

    private EnvelopeDecoder Decoder(params LineageMapping[] mappings) =>
        new(new LineageOptions { Mappings = [.. mappings] }, new PayloadDecoder(new DecodingOptions(), _registry));

    [Fact]
    public void Decode_FramedJson_ConventionsReadTheDecodedView()
    {
        var record = Records.Create(Frames.Json(8, """{"type":"OrderPlaced","$correlationId":"c-1","$causationId":"m-0"}"""));

        var envelope = Decoder().Decode(record);

        Assert.Equal(PayloadFormat.Binary, envelope.PayloadFormat);
        Assert.Equal("OrderPlaced", envelope.MessageType);
        Assert.Equal("c-1", envelope.CorrelationId);
        Assert.Equal("m-0", envelope.CausationId);
        Assert.Equal(DecodeStatus.Decoded, envelope.Decoding!.Status);
        Assert.Equal(8, envelope.Decoding.SchemaId);
        Assert.Same(envelope.DecodedPayload, envelope.JsonPayload);
        Assert.Equal(record.Value, envelope.Payload);
    }

    [Fact]
    public void Decode_FramedStructuredCloudEvent_ReadsItsAttributes()
    {
        var record = Records.Create(Frames.Json(8, """{"specversion":"1.0","id":"evt-9","type":"OrderShipped","source":"/shipping","data":{}}"""));

        var envelope = Decoder().Decode(record);

        Assert.Equal("evt-9", envelope.MessageId);
        Assert.False(envelope.MessageIdDerived);
        Assert.Equal("OrderShipped", envelope.MessageType);
        Assert.Equal("/shipping", envelope.Source);
    }

    [Fact]
    public void Decode_FramedJson_LineageMappingsReadTheDecodedView()
    {
        var record = Records.Create(Frames.Json(8, """{"meta":{"conversation":"conv-3"}}"""));

        var envelope = Decoder(new LineageMapping { Field = LineageField.CorrelationId, JsonPath = "$.meta.conversation" }).Decode(record);

        Assert.Equal("conv-3", envelope.CorrelationId);
    }

    [Fact]
    public void Decode_SchemaTypeName_IsTheMessageTypeWhenNothingElseNamesOne()
    {
        var decoder = new EnvelopeDecoder(new LineageOptions(), new StubPayloadDecoder("EventObserver.Demo.Payments.PaymentCaptured"));

        var envelope = decoder.Decode(Records.Create([0x00, 0x00, 0x00, 0x00, 0x01, 0x02]));

        Assert.Equal("PaymentCaptured", envelope.MessageType);
        Assert.Equal(MessageKind.Event, envelope.Kind);
    }

    [Fact]
    public void Decode_HeaderType_WinsOverTheSchemaTypeName()
    {
        var decoder = new EnvelopeDecoder(new LineageOptions(), new StubPayloadDecoder("shop.OrderPlaced"));

        var envelope = decoder.Decode(Records.Create([0x00, 0x00, 0x00, 0x00, 0x01, 0x02], headers: ("ce_type", "CapturePayment")));

        Assert.Equal("CapturePayment", envelope.MessageType);
    }

    [Fact]
    public void Decode_UndecodableFrame_KeepsRawBytesAndStatus()
    {
        var record = Records.Create(Frames.Json(404, "{}"));

        var envelope = Decoder().Decode(record);

        Assert.Equal(PayloadFormat.Binary, envelope.PayloadFormat);
        Assert.Null(envelope.DecodedPayload);
        Assert.Null(envelope.JsonPayload);
        Assert.Equal(DecodeStatus.UnknownSchema, envelope.Decoding!.Status);
        Assert.True(envelope.MessageIdDerived);
    }

    [Fact]
    public void Decode_PlainJson_HasNoDecoding()
    {
        var envelope = Decoder().Decode(Records.Json("""{"type":"OrderPlaced"}"""));

        Assert.Null(envelope.Decoding);
        Assert.Null(envelope.DecodedPayload);
        Assert.Equal("OrderPlaced", envelope.MessageType);
    }

    [Fact]
    public void Decode_FramedStringKey_IsTextUnquotedAndTheSubject()
    {
        var envelope = Decoder().Decode(Records.Create(Records.Utf8("{}"), key: Frames.Json(8, "\"customer-7\"")));

        Assert.Equal("customer-7", envelope.Key);
        Assert.Equal(KeyFormat.Text, envelope.KeyFormat);
        Assert.Equal(DecodeStatus.Decoded, envelope.KeyDecoding!.Status);
        Assert.Equal("customer-7", envelope.Subject);
    }

    [Fact]
    public void Decode_FramedObjectKey_IsItsJsonTextButNotTheSubject()
    {
        var envelope = Decoder().Decode(Records.Create(Records.Utf8("{}"), key: Frames.Json(8, """{"id":7}""")));

        Assert.Equal("""{"id":7}""", envelope.Key);
        Assert.Equal(KeyFormat.Text, envelope.KeyFormat);
        Assert.Null(envelope.Subject);
    }

    [Fact]
    public void Decode_KeyWithUnavailableSchema_IsHexWithStatus()
    {
        _registry.Down = true;
        var key = Frames.Json(8, "\"k\"");

        var envelope = Decoder().Decode(Records.Create(Records.Utf8("{}"), key: key));

        Assert.Equal(Convert.ToHexStringLower(key), envelope.Key);
        Assert.Equal(KeyFormat.Hex, envelope.KeyFormat);
        Assert.Equal(DecodeStatus.SchemaUnavailable, envelope.KeyDecoding!.Status);
    }

    /// <summary>Answers every payload with a decoded view carrying a type name, as the Avro or Protobuf decoders would.</summary>
    private sealed class StubPayloadDecoder(string typeName) : IPayloadDecoder
    {
        public DecodedPayload? Decode(string topic, byte[] bytes, PayloadRole role) => role == PayloadRole.Key
            ? null
            : new DecodedPayload(Encoding.UTF8.GetBytes("""{"orderId":"o-1"}"""), new PayloadDecoding { Format = SchemaFormat.Avro, SchemaId = 1, TypeName = typeName });
    }
}
