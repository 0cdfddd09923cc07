using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Decoding;

public sealed class EnvelopeDecoderPriorityTests
{
    private readonly EnvelopeDecoder _decoder = new(new LineageOptions());

    [Fact]
    public void Decode_CloudEventsAndPlainHeaders_CloudEventsWinWhateverTheOrder()
    {
        var plainFirst = _decoder.Decode(Records.WithHeaders(("correlation-id", "plain"), ("ce_correlationid", "ce")));
        var ceFirst = _decoder.Decode(Records.WithHeaders(("ce_correlationid", "ce"), ("correlation-id", "plain")));

        Assert.Equal("ce", plainFirst.CorrelationId);
        Assert.Equal("ce", ceFirst.CorrelationId);
    }

    [Fact]
    public void Decode_FrameworkAndPlainHeaders_FrameworkWins()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(
            ("message-id", "plain-id"), ("NServiceBus.MessageId", "nsb-id"), ("causation-id", "plain-cause"), ("NServiceBus.RelatedTo", "nsb-cause")));

        Assert.Equal("nsb-id", envelope.MessageId);
        Assert.Equal("nsb-cause", envelope.CausationId);
    }

    [Fact]
    public void Decode_PayloadMetadataAndPlainHeader_PayloadMetadataWins()
    {
        var envelope = _decoder.Decode(Records.Json("""{"$correlationId":"kurrent"}""", headers: ("correlation-id", "plain")));

        Assert.Equal("kurrent", envelope.CorrelationId);
    }

    [Fact]
    public void Decode_StructuredCloudEventAndPlainHeader_BodyWins()
    {
        var envelope = _decoder.Decode(Records.Json(
            """{"specversion":"1.0","id":"ce-id","type":"t","source":"s"}""", headers: ("message-id", "plain-id")));

        Assert.Equal("ce-id", envelope.MessageId);
    }

    [Fact]
    public void Decode_ExplicitCorrelationAndConversation_ExplicitWinsWhateverTheOrder()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(("ConversationId", "conv"), ("CorrelationId", "corr")));

        Assert.Equal("corr", envelope.CorrelationId);
    }

    [Fact]
    public void Decode_RepeatedHeader_LastValueWins()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(("ce_id", "first"), ("CE_ID", "second"), ("ce_id", "third")));

        Assert.Equal("third", envelope.MessageId);
    }

    [Fact]
    public void Decode_SameTierDifferentNames_TableOrderDecidesNotHeaderOrder()
    {
        var one = _decoder.Decode(Records.WithHeaders(("x-correlation-id", "x"), ("correlation-id", "plain")));
        var other = _decoder.Decode(Records.WithHeaders(("correlation-id", "plain"), ("x-correlation-id", "x")));

        Assert.Equal("plain", one.CorrelationId);
        Assert.Equal("plain", other.CorrelationId);
    }

    [Fact]
    public void Decode_RepeatedHeaderWithEmptyLastValue_KeepsEarlierValue()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(("correlation-id", "c-1"), ("correlation-id", " ")));

        Assert.Equal("c-1", envelope.CorrelationId);
    }

    [Fact]
    public void Decode_UserHeaderMapping_WinsOverBuiltIns()
    {
        var decoder = new EnvelopeDecoder(Options(
            new LineageMapping { Field = LineageField.CorrelationId, Header = "X-Request-Chain" },
            new LineageMapping { Field = LineageField.MessageId, Header = "ce_id" }));

        var envelope = decoder.Decode(Records.WithHeaders(("ce_correlationid", "ce"), ("x-request-chain", "mine"), ("ce_id", "id-1")));

        Assert.Equal("mine", envelope.CorrelationId);
        Assert.Equal("id-1", envelope.MessageId);
    }

    [Theory]
    [InlineData("$.meta.correlation")]
    [InlineData("meta.correlation")]
    public void Decode_UserJsonPathMapping_WinsOverBuiltIns(string path)
    {
        var decoder = new EnvelopeDecoder(Options(new LineageMapping { Field = LineageField.CorrelationId, JsonPath = path }));

        var envelope = decoder.Decode(Records.Json("""{"meta":{"other":1,"correlation":"from-path"}}""", headers: ("ce_correlationid", "ce")));

        Assert.Equal("from-path", envelope.CorrelationId);
    }

    [Fact]
    public void Decode_UserJsonPathMappingMissing_FallsBackToBuiltIns()
    {
        var decoder = new EnvelopeDecoder(Options(new LineageMapping { Field = LineageField.CorrelationId, JsonPath = "$.meta.correlation" }));

        var envelope = decoder.Decode(Records.Json("""{"meta":{}}""", headers: ("correlation-id", "plain")));

        Assert.Equal("plain", envelope.CorrelationId);
    }

    [Fact]
    public void Decode_UserMappingsForEveryField_FillTheEnvelope()
    {
        var decoder = new EnvelopeDecoder(Options(
            new LineageMapping { Field = LineageField.MessageId, JsonPath = "$.envelope.id" },
            new LineageMapping { Field = LineageField.MessageType, JsonPath = "$.envelope.name" },
            new LineageMapping { Field = LineageField.Kind, Header = "x-intent" },
            new LineageMapping { Field = LineageField.CausationId, JsonPath = "$.envelope.parents[1]" },
            new LineageMapping { Field = LineageField.Source, Header = "x-app" },
            new LineageMapping { Field = LineageField.Subject, JsonPath = "$.envelope.entity" }));
        var json = """{"envelope":{"id":7,"name":"OrderPlaced","parents":["p-0","p-1"],"entity":"order-17"}}""";

        var envelope = decoder.Decode(Records.Json(json, headers: [("x-intent", "COMMAND"), ("x-app", "legacy-erp")]));

        Assert.Equal("7", envelope.MessageId);
        Assert.Equal("OrderPlaced", envelope.MessageType);
        Assert.Equal(MessageKind.Command, envelope.Kind);
        Assert.Equal("p-1", envelope.CausationId);
        Assert.Equal("legacy-erp", envelope.Source);
        Assert.Equal("order-17", envelope.Subject);
    }

    [Fact]
    public void Decode_UserMappingsInConfigOrder_FirstMappingWins()
    {
        var decoder = new EnvelopeDecoder(Options(
            new LineageMapping { Field = LineageField.CorrelationId, Header = "a" },
            new LineageMapping { Field = LineageField.CorrelationId, Header = "b" }));

        var envelope = decoder.Decode(Records.WithHeaders(("b", "from-b"), ("a", "from-a")));

        Assert.Equal("from-a", envelope.CorrelationId);
    }

    [Fact]
    public void Decode_BrokenUserMappings_AreIgnored()
    {
        var decoder = new EnvelopeDecoder(Options(
            new LineageMapping { Field = LineageField.CorrelationId },
            new LineageMapping { Field = LineageField.CorrelationId, JsonPath = "$..[" },
            new LineageMapping { Field = (LineageField)99, Header = "x" },
            null!));

        var envelope = decoder.Decode(Records.WithHeaders(("correlation-id", "plain"), ("x", "nope")));

        Assert.Equal("plain", envelope.CorrelationId);
        Assert.True(envelope.MessageIdDerived);
    }

    private static LineageOptions Options(params LineageMapping[] mappings) => new() { Mappings = [.. mappings] };
}
