using EventObserver.Core.Decoding;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Decoding;

/// <summary>The message's own id carried in the JSON body: each place, and where it ranks against headers and mappings.</summary>
public sealed class EnvelopeDecoderPayloadIdTests
{
    private const string Guid1 = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";
    private const string Ulid1 = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

    private readonly EnvelopeDecoder _decoder = new(new LineageOptions());

    [Theory]
    [InlineData("""{"eventId":"e-1","amount":3}""", "e-1")]
    [InlineData("""{"messageId":"m-1","amount":3}""", "m-1")]
    [InlineData("""{"amount":3,"metadata":{"eventId":"md-e-1"}}""", "md-e-1")]
    [InlineData("""{"amount":3,"metadata":{"messageId":"md-m-1"}}""", "md-m-1")]
    [InlineData("""{"amount":3,"$metadata":{"$eventId":"kmd-e-1"}}""", "kmd-e-1")]
    [InlineData("""{"amount":3,"$metadata":{"messageId":"kmd-m-1"}}""", "kmd-m-1")]
    [InlineData("""{"meta":{"messageId":"meta-m-1"},"amount":3}""", "meta-m-1")]
    [InlineData("""{"meta":{"eventId":"meta-e-1"},"amount":3}""", "meta-e-1")]
    [InlineData("""{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","amount":3}""", Guid1)]
    public void Decode_IdInOnePlaceOfTheBody_IsTheMessageId(string json, string expected)
    {
        var envelope = _decoder.Decode(Records.Json(json));

        Assert.Equal(expected, envelope.MessageId);
        Assert.False(envelope.MessageIdDerived);
    }

    [Fact]
    public void Decode_KurrentDbStyleMetadata_GivesIdNextToCorrelationAndCausation()
    {
        var envelope = _decoder.Decode(Records.Json(
            """{"orderId":"o-1","metadata":{"$correlationId":"c-1","$causationId":"m-0","$eventId":"m-1"}}"""));

        Assert.Equal("m-1", envelope.MessageId);
        Assert.Equal("c-1", envelope.CorrelationId);
        Assert.Equal("m-0", envelope.CausationId);
    }

    [Fact]
    public void Decode_KurrentDbStyleTopLevelIds_AreRead()
    {
        var envelope = _decoder.Decode(Records.Json("""{"$messageId":"m-1","$correlationId":"c-1","$causationId":"m-0"}"""));

        Assert.Equal("m-1", envelope.MessageId);
        Assert.Equal("m-0", envelope.CausationId);
    }

    [Fact]
    public void Decode_PlaceNamesInAnotherCase_AreRead()
    {
        var envelope = _decoder.Decode(Records.Json("""{"META":{"EventID":"m-1"}}"""));

        Assert.Equal("m-1", envelope.MessageId);
    }

    [Theory]
    [InlineData("""{"data":{"eventId":"nested"}}""")]
    [InlineData("""{"items":[{"messageId":"in-array"}]}""")]
    [InlineData("""{"metadata":{"inner":{"eventId":"too-deep"}}}""")]
    [InlineData("""{"meta":"eventId"}""")]
    [InlineData("""{"eventId":{"value":"an-object"}}""")]
    [InlineData("""[{"eventId":"top-level-array"}]""")]
    public void Decode_IdOutsideTheKnownPlaces_IsIgnored(string json)
    {
        var envelope = _decoder.Decode(Records.Json(json));

        Assert.True(envelope.MessageIdDerived);
        Assert.Equal("orders/0/42", envelope.MessageId);
    }

    [Fact]
    public void Decode_MetaCorrelationId_IsNotRead()
    {
        // Only the message's own id is read under "meta": other frameworks' meta objects mean anything.
        var envelope = _decoder.Decode(Records.Json("""{"meta":{"correlationId":"c-1","causationId":"m-0"}}"""));

        Assert.Null(envelope.CorrelationId);
        Assert.Null(envelope.CausationId);
    }

    [Theory]
    [InlineData(Guid1)]
    [InlineData("3F2B8C1E-9A4D-4E6F-8B7A-1C2D3E4F5A6B")]
    [InlineData("3f2b8c1e9a4d4e6f8b7a1c2d3e4f5a6b")]
    [InlineData("{3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b}")]
    [InlineData(Ulid1)]
    [InlineData("01arz3ndektsv4rrffq69g5fav")]
    public void Decode_PlainIdThatLooksUnique_IsTheMessageId(string id)
    {
        var envelope = _decoder.Decode(Records.Json($$"""{"id":"{{id}}","type":"OrderPlaced"}"""));

        Assert.Equal(id, envelope.MessageId);
    }

    [Theory]
    [InlineData("\"order-17\"")]
    [InlineData("42")]
    [InlineData("\"00000000-0000-0000-0000-000000000000\"")]
    [InlineData("\"12345678901234567890123456789012\"")]
    [InlineData("\"01234567890123456789012345\"")]
    [InlineData("\"81ARZ3NDEKTSV4RRFFQ69G5FAV\"")]
    [InlineData("\"01ARZ3NDEKTSV4RRFFQ69G5FAU\"")]
    [InlineData("\"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6\"")]
    [InlineData("\"ord_3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b\"")]
    public void Decode_PlainIdThatLooksLikeAnEntityKey_IsNotTheMessageId(string idLiteral)
    {
        var envelope = _decoder.Decode(Records.Json($$"""{"id":{{idLiteral}},"type":"OrderPlaced"}"""));

        Assert.True(envelope.MessageIdDerived);
    }

    [Fact]
    public void Decode_PlainIdEqualToTheRecordKey_IsTheEntityNotTheMessage()
    {
        var record = Records.Create(Records.Utf8($$"""{"id":"{{Guid1}}","name":"Widget"}"""), key: Records.Utf8(Guid1.ToUpperInvariant()));

        var envelope = _decoder.Decode(record);

        Assert.True(envelope.MessageIdDerived);
    }

    [Fact]
    public void Decode_PlainIdOtherThanTheRecordKey_IsTheMessageId()
    {
        var record = Records.Create(Records.Utf8($$"""{"id":"{{Guid1}}","orderId":"order-17"}"""), key: Records.Utf8("order-17"));

        var envelope = _decoder.Decode(record);

        Assert.Equal(Guid1, envelope.MessageId);
    }

    [Theory]
    [InlineData("""{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","eventId":"e","messageId":"m","meta":{"eventId":"me","messageId":"mm"},"metadata":{"eventId":"de","messageId":"dm"}}""", "dm")]
    [InlineData("""{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","eventId":"e","messageId":"m","meta":{"eventId":"me","messageId":"mm"},"metadata":{"eventId":"de"}}""", "de")]
    [InlineData("""{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","eventId":"e","messageId":"m","meta":{"eventId":"me","messageId":"mm"}}""", "mm")]
    [InlineData("""{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","eventId":"e","messageId":"m","meta":{"eventId":"me"}}""", "me")]
    [InlineData("""{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","eventId":"e","messageId":"m"}""", "m")]
    [InlineData("""{"id":"3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b","eventId":"e"}""", "e")]
    public void Decode_SeveralPlacesInTheBody_BestPlaceWinsWhateverTheOrder(string json, string expected)
    {
        var envelope = _decoder.Decode(Records.Json(json));

        Assert.Equal(expected, envelope.MessageId);
    }

    [Theory]
    [InlineData("message-id")]
    [InlineData("id")]
    [InlineData("ce_id")]
    [InlineData("NServiceBus.MessageId")]
    public void Decode_HeaderIdAndBodyId_HeaderWins(string header)
    {
        var envelope = _decoder.Decode(Records.Json("""{"metadata":{"messageId":"from-body"},"eventId":"e"}""", headers: (header, "from-header")));

        Assert.Equal("from-header", envelope.MessageId);
    }

    [Fact]
    public void Decode_StructuredCloudEventWithEventIdInTheBody_CloudEventsIdWins()
    {
        var envelope = _decoder.Decode(Records.Json("""{"specversion":"1.0","id":"ce-1","type":"t","source":"s","eventId":"e-1"}"""));

        Assert.Equal("ce-1", envelope.MessageId);
    }

    [Fact]
    public void Decode_JsonPathMappingAndBodyId_MappingWins()
    {
        var decoder = new EnvelopeDecoder(new LineageOptions
        {
            Mappings = [new LineageMapping { Field = LineageField.MessageId, JsonPath = "$.envelope.ref" }],
        });

        var envelope = decoder.Decode(Records.Json("""{"metadata":{"messageId":"from-body"},"envelope":{"ref":"mapped"}}"""));

        Assert.Equal("mapped", envelope.MessageId);
    }

    [Fact]
    public void Decode_HeaderMappingAndBodyId_MappingWins()
    {
        var decoder = new EnvelopeDecoder(new LineageOptions
        {
            Mappings = [new LineageMapping { Field = LineageField.MessageId, Header = "x-ref" }],
        });

        var envelope = decoder.Decode(Records.Json("""{"eventId":"from-body"}""", headers: ("x-ref", "mapped")));

        Assert.Equal("mapped", envelope.MessageId);
    }

    [Fact]
    public void Decode_JsonPathMappingMissing_FallsBackToBodyId()
    {
        var decoder = new EnvelopeDecoder(new LineageOptions
        {
            Mappings = [new LineageMapping { Field = LineageField.MessageId, JsonPath = "$.envelope.ref" }],
        });

        var envelope = decoder.Decode(Records.Json("""{"eventId":"from-body"}"""));

        Assert.Equal("from-body", envelope.MessageId);
    }
}
