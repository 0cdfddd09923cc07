using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Decoding;

/// <summary>The message type read from a JSON body when no header gives it.</summary>
public sealed class EnvelopeDecoderPayloadTypeTests
{
    private readonly EnvelopeDecoder _decoder = new(new LineageOptions());

    [Theory]
    [InlineData("""{"eventType":"OrderPlaced"}""", "OrderPlaced")]
    [InlineData("""{"messageType":"PlaceOrder"}""", "PlaceOrder")]
    [InlineData("""{"type":"order.placed"}""", "order.placed")]
    [InlineData("""{"$type":"Shop.Orders.Events.OrderPlaced, Shop.Orders"}""", "OrderPlaced")]
    [InlineData("""{"data":{"type":"nested"},"eventType":"OrderPlaced"}""", "OrderPlaced")]
    public void Decode_TypeInJsonBody_IsUsedWhenNoHeaderGivesIt(string json, string expected)
    {
        var envelope = _decoder.Decode(Records.Json(json));

        Assert.Equal(expected, envelope.MessageType);
    }

    [Fact]
    public void Decode_TypeHeaderAndBodyType_HeaderWins()
    {
        var envelope = _decoder.Decode(Records.Json("""{"type":"FromBody"}""", headers: ("event-type", "FromHeader")));

        Assert.Equal("FromHeader", envelope.MessageType);
    }

    [Fact]
    public void Decode_TypeInTextPayload_IsNotRead()
    {
        var envelope = _decoder.Decode(Records.Json("""{"type":"OrderPlaced" broken"""));

        Assert.Equal(PayloadFormat.Text, envelope.PayloadFormat);
        Assert.Null(envelope.MessageType);
    }
}
