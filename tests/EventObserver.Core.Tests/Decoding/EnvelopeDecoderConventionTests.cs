using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;

namespace EventObserver.Core.Tests.Decoding;

/// <summary>Every header convention family yields the same logical ids: m-2 caused by m-1 in conversation c-1.</summary>
public sealed class EnvelopeDecoderConventionTests
{
    private const string TraceParentValue = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private readonly EnvelopeDecoder _decoder = new(new LineageOptions());

    [Fact]
    public void Decode_CloudEventsBinary_ReadsAllAttributes()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(
            ("ce_specversion", "1.0"), ("ce_id", "m-2"), ("ce_type", "com.shop.order.placed"), ("ce_source", "/order-service"),
            ("ce_subject", "order-17"), ("ce_correlationid", "c-1"), ("ce_causationid", "m-1"), ("ce_traceparent", TraceParentValue)));

        AssertLineage(envelope, "m-2", "c-1", "m-1");
        Assert.Equal("com.shop.order.placed", envelope.MessageType);
        Assert.Equal("/order-service", envelope.Source);
        Assert.Equal("order-17", envelope.Subject);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", envelope.TraceId);
        Assert.Equal(MessageKind.Event, envelope.Kind);
    }

    [Fact]
    public void Decode_CloudEventsStructuredByContentType_ReadsBody()
    {
        const string json = """
            {"specversion":"1.0","id":"m-2","type":"com.shop.order.placed","source":"/order-service","subject":"order-17",
             "time":"2024-01-01T00:00:00Z","correlationid":"c-1","causationid":"m-1","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
             "datacontenttype":"application/json","data":{"orderId":"order-17","type":"ignored-nested"}}
            """;

        var envelope = _decoder.Decode(Records.Json(json, headers: ("content-type", "application/cloudevents+json; charset=UTF-8")));

        AssertLineage(envelope, "m-2", "c-1", "m-1");
        Assert.Equal("com.shop.order.placed", envelope.MessageType);
        Assert.Equal("/order-service", envelope.Source);
        Assert.Equal("order-17", envelope.Subject);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", envelope.TraceId);
    }

    [Fact]
    public void Decode_BodyThatIsClearlyACloudEvent_ReadsItWithoutContentType()
    {
        const string json = """{"specversion":"1.0","id":"m-2","type":"com.shop.order.placed","source":"/orders","correlationid":"c-1","causationid":"m-1","data":{}}""";

        var envelope = _decoder.Decode(Records.Json(json));

        AssertLineage(envelope, "m-2", "c-1", "m-1");
        Assert.Equal("/orders", envelope.Source);
    }

    [Fact]
    public void Decode_BodyWithIdButNoCloudEventsMarkers_DoesNotTakeIdAsMessageId()
    {
        var envelope = _decoder.Decode(Records.Json("""{"id":"order-17","type":"OrderPlaced","source":"web"}"""));

        Assert.True(envelope.MessageIdDerived);
        Assert.Null(envelope.Source);
        Assert.Equal("OrderPlaced", envelope.MessageType);
    }

    [Fact]
    public void Decode_TraceParentOnly_GivesTraceIdAndCorrelationButNoCausation()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(("traceparent", TraceParentValue), ("tracestate", "congo=t61rcWkgMzE")));

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", envelope.TraceId);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", envelope.CorrelationId);
        Assert.Null(envelope.CausationId);
        Assert.True(envelope.MessageIdDerived);
    }

    [Fact]
    public void Decode_TraceParentWithExplicitCorrelation_KeepsExplicitCorrelation()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(("traceparent", TraceParentValue), ("correlation-id", "c-1")));

        Assert.Equal("c-1", envelope.CorrelationId);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", envelope.TraceId);
    }

    [Fact]
    public void Decode_NServiceBus_ReadsIdsTypeAndEndpoint()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(
            ("NServiceBus.MessageId", "m-2"), ("NServiceBus.CorrelationId", "c-1"), ("NServiceBus.ConversationId", "conv-9"),
            ("NServiceBus.RelatedTo", "m-1"), ("NServiceBus.OriginatingEndpoint", "Sales"), ("NServiceBus.MessageIntent", "Publish"),
            ("NServiceBus.EnclosedMessageTypes", "Shop.Messages.Events.OrderPlaced, Shop.Messages, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null;Shop.Messages.IOrderEvent, Shop.Messages")));

        AssertLineage(envelope, "m-2", "c-1", "m-1");
        Assert.Equal("OrderPlaced", envelope.MessageType);
        Assert.Equal("Sales", envelope.Source);
        Assert.Equal(MessageKind.Event, envelope.Kind);
    }

    [Fact]
    public void Decode_NServiceBusWithoutCorrelationId_FallsBackToConversationId()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(("NServiceBus.MessageId", "m-2"), ("NServiceBus.ConversationId", "c-1")));

        Assert.Equal("c-1", envelope.CorrelationId);
    }

    [Fact]
    public void Decode_NServiceBusSendIntent_IsCommand()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(("NServiceBus.MessageIntent", "Send"), ("NServiceBus.EnclosedMessageTypes", "Shop.Stuff")));

        Assert.Equal(MessageKind.Command, envelope.Kind);
    }

    [Fact]
    public void Decode_MassTransit_ReadsIdsTypeAndSourceAddress()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(
            ("MessageId", "m-2"), ("CorrelationId", "c-1"), ("ConversationId", "conv-9"), ("InitiatorId", "m-1"),
            ("MessageType", "urn:message:Shop.Contracts:SubmitOrder"), ("SourceAddress", "rabbitmq://localhost/shop/order-service?temporary=false")));

        AssertLineage(envelope, "m-2", "c-1", "m-1");
        Assert.Equal("SubmitOrder", envelope.MessageType);
        Assert.Equal("order-service", envelope.Source);
        Assert.Equal(MessageKind.Command, envelope.Kind);
    }

    [Fact]
    public void Decode_MassTransitPrefixedHeaders_AreRead()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(
            ("MT-MessageType", "urn:message:Shop.Contracts:OrderSubmitted;urn:message:Shop.Contracts:IOrderEvent"),
            ("MT-ConversationId", "c-1"), ("MT-InitiatorId", "m-1"), ("MT-SourceAddress", "kafka://broker/orders-service")));

        Assert.Equal("OrderSubmitted", envelope.MessageType);
        Assert.Equal("c-1", envelope.CorrelationId);
        Assert.Equal("m-1", envelope.CausationId);
        Assert.Equal("orders-service", envelope.Source);
    }

    [Fact]
    public void Decode_Wolverine_ReadsIdsTypeAndSource()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(
            ("id", "m-2"), ("correlation-id", "c-1"), ("conversation-id", "conv-9"), ("parent-id", "m-1"),
            ("message-type", "order_placed"), ("source", "order-service")));

        AssertLineage(envelope, "m-2", "c-1", "m-1");
        Assert.Equal("order_placed", envelope.MessageType);
        Assert.Equal("order-service", envelope.Source);
        Assert.Equal(MessageKind.Event, envelope.Kind);
    }

    [Fact]
    public void Decode_WolverineCausationIdSpelling_IsCausation()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(("id", "m-2"), ("causation-id", "m-1")));

        Assert.Equal("m-1", envelope.CausationId);
    }

    [Fact]
    public void Decode_Axon_MapsCorrelationMetadataToCausationAndTraceToCorrelation()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(
            ("axon-message-id", "m-2"), ("axon-message-type", "io.shop.orders.api.OrderPlacedEvent"),
            ("axon-metadata-correlationId", "m-1"), ("axon-metadata-traceId", "c-1"), ("axon-message-aggregate-id", "order-17")));

        AssertLineage(envelope, "m-2", "c-1", "m-1");
        Assert.Equal("OrderPlacedEvent", envelope.MessageType);
        Assert.Equal("order-17", envelope.Subject);
        Assert.Equal(MessageKind.Event, envelope.Kind);
    }

    [Fact]
    public void Decode_Eventuous_ReadsIdsAndType()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(
            ("eventuous.message-id", "m-2"), ("eventuous.correlation-id", "c-1"), ("eventuous.causation-id", "m-1"),
            ("message-type", "V1.RoomBooked")));

        AssertLineage(envelope, "m-2", "c-1", "m-1");
        Assert.Equal("V1.RoomBooked", envelope.MessageType);
        Assert.Equal(MessageKind.Event, envelope.Kind);
    }

    [Theory]
    [InlineData("""{"orderId":"o-1","$correlationId":"c-1","$causationId":"m-1"}""")]
    [InlineData("""{"orderId":"o-1","metadata":{"$correlationId":"c-1","$causationId":"m-1"}}""")]
    [InlineData("""{"orderId":"o-1","$metadata":{"correlationId":"c-1","causationId":"m-1"},"after":{"x":1}}""")]
    public void Decode_KurrentDbPayloadMetadata_ReadsCorrelationAndCausation(string json)
    {
        var envelope = _decoder.Decode(Records.Json(json, headers: ("message-id", "m-2")));

        AssertLineage(envelope, "m-2", "c-1", "m-1");
    }

    [Fact]
    public void Decode_NestedCorrelationOutsideMetadata_IsIgnored()
    {
        var envelope = _decoder.Decode(Records.Json("""{"order":{"$correlationId":"nested"},"items":[{"metadata":{"$correlationId":"deep"}}]}"""));

        Assert.Null(envelope.CorrelationId);
    }

    [Theory]
    [InlineData("message-id", "correlation-id", "causation-id")]
    [InlineData("messageId", "correlationId", "causationId")]
    [InlineData("x-message-id", "x-correlation-id", "x-causation-id")]
    [InlineData("event-id", "X-Correlation-ID", "X-CAUSATION-ID")]
    [InlineData("message_id", "correlation_id", "causation_id")]
    public void Decode_PlainHeaderNames_AnyCase_AreRead(string idHeader, string correlationHeader, string causationHeader)
    {
        var envelope = _decoder.Decode(Records.WithHeaders((idHeader, "m-2"), (correlationHeader, "c-1"), (causationHeader, "m-1")));

        AssertLineage(envelope, "m-2", "c-1", "m-1");
    }

    [Theory]
    [InlineData("event-type", "OrderPlaced")]
    [InlineData("message-type", "OrderPlaced")]
    [InlineData("type", "OrderPlaced")]
    [InlineData("EVENTTYPE", "OrderPlaced")]
    public void Decode_PlainTypeHeaders_AreRead(string header, string value)
    {
        var envelope = _decoder.Decode(Records.WithHeaders((header, value)));

        Assert.Equal(value, envelope.MessageType);
    }

    [Theory]
    [InlineData("source", "billing")]
    [InlineData("x-source", "billing")]
    [InlineData("service", "billing")]
    public void Decode_PlainSourceHeaders_AreRead(string header, string value)
    {
        var envelope = _decoder.Decode(Records.WithHeaders((header, value)));

        Assert.Equal(value, envelope.Source);
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("aggregate-id")]
    [InlineData("aggregateId")]
    public void Decode_PlainSubjectHeaders_WinOverKey(string header)
    {
        var record = Records.Create(Records.Utf8("{}"), key: Records.Utf8("key-1"), headers: (header, "order-17"));

        var envelope = _decoder.Decode(record);

        Assert.Equal("order-17", envelope.Subject);
    }

    [Fact]
    public void Decode_KindHeader_WinsOverGrammar()
    {
        var envelope = _decoder.Decode(Records.WithHeaders(("type", "OrderPlaced"), ("message-kind", "Command")));

        Assert.Equal(MessageKind.Command, envelope.Kind);
    }

    private static void AssertLineage(EventEnvelope envelope, string messageId, string correlationId, string causationId)
    {
        Assert.Equal(messageId, envelope.MessageId);
        Assert.False(envelope.MessageIdDerived);
        Assert.Equal(correlationId, envelope.CorrelationId);
        Assert.Equal(causationId, envelope.CausationId);
    }
}
