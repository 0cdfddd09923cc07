using static EventObserver.Core.Lineage.ConventionTier;
using static EventObserver.Core.Lineage.HeaderValueKind;
using static EventObserver.Core.Lineage.LineageSlot;

namespace EventObserver.Core.Lineage;

/// <summary>
/// The built-in header conventions (DESIGN.md "Header conventions"), in priority order within each tier.
/// Names are matched case-insensitively, so MassTransit's <c>CorrelationId</c> and a plain
/// <c>correlationId</c> are one rule, as are Wolverine's and the plain <c>correlation-id</c>.
/// </summary>
internal static class HeaderConventions
{
    public static readonly IReadOnlyList<HeaderRule> BuiltIn =
    [
        // CloudEvents Kafka binding, binary mode (ce-* is the HTTP spelling some Kafka producers use anyway).
        new("ce_id", MessageId, Text, CloudEventsBinary),
        new("ce-id", MessageId, Text, CloudEventsBinary),
        new("ce_type", MessageType, Text, CloudEventsBinary),
        new("ce-type", MessageType, Text, CloudEventsBinary),
        new("ce_source", Source, Text, CloudEventsBinary),
        new("ce-source", Source, Text, CloudEventsBinary),
        new("ce_subject", Subject, Text, CloudEventsBinary),
        new("ce-subject", Subject, Text, CloudEventsBinary),
        new("ce_correlationid", CorrelationId, Text, CloudEventsBinary),
        new("ce-correlationid", CorrelationId, Text, CloudEventsBinary),
        new("ce_causationid", CausationId, Text, CloudEventsBinary),
        new("ce-causationid", CausationId, Text, CloudEventsBinary),
        new("ce_traceparent", TraceId, HeaderValueKind.TraceParent, CloudEventsBinary),
        new("ce-traceparent", TraceId, HeaderValueKind.TraceParent, CloudEventsBinary),
        new("content-type", ContentType, TextOnly, CloudEventsBinary),
        new("contentType", ContentType, TextOnly, CloudEventsBinary),

        // NServiceBus
        new("NServiceBus.MessageId", MessageId, Text, Framework),
        new("NServiceBus.CorrelationId", CorrelationId, Text, Framework),
        new("NServiceBus.RelatedTo", CausationId, Text, Framework),
        new("NServiceBus.EnclosedMessageTypes", MessageType, ClassName, Framework),
        new("NServiceBus.OriginatingEndpoint", Source, Text, Framework),
        new("NServiceBus.MessageIntent", KindHint, TextOnly, Framework),

        // MassTransit (its MessageId/CorrelationId coincide with the plain names below)
        new("MT-InitiatorId", CausationId, Text, Framework),
        new("InitiatorId", CausationId, Text, Framework),
        new("MT-MessageType", MessageType, MessageTypeName, Framework),
        new("MT-SourceAddress", Source, Address, Framework),
        new("SourceAddress", Source, Address, Framework),

        // Axon: its correlationId metadata is the id of the message that caused this one; traceId is the root.
        new("axon-message-id", MessageId, Text, Framework),
        new("axon-message-type", MessageType, ClassName, Framework),
        new("axon-metadata-traceId", CorrelationId, Text, Framework),
        new("axon-metadata-correlationId", CausationId, Text, Framework),
        new("axon-message-aggregate-id", Subject, Text, Framework),

        // Eventuous
        new("eventuous.message-id", MessageId, Text, Framework),
        new("eventuous.message-type", MessageType, Text, Framework),
        new("eventuous.correlation-id", CorrelationId, Text, Framework),
        new("eventuous.causation-id", CausationId, Text, Framework),

        // Wolverine's own causation name (its other names are the plain ones)
        new("parent-id", CausationId, Text, Framework),

        // Spring Kafka dead-letter topics, then Kafka Connect DLQ
        new("kafka_dlt-original-topic", DeadLetterTopic, TextOnly, Framework),
        new("kafka_dlt-original-partition", DeadLetterPartition, Number, Framework),
        new("kafka_dlt-original-offset", DeadLetterOffset, Number, Framework),
        new("kafka_dlt-exception-message", DeadLetterError, TextOnly, Framework),
        new("__connect.errors.topic", DeadLetterTopic, TextOnly, Framework),
        new("__connect.errors.partition", DeadLetterPartition, Number, Framework),
        new("__connect.errors.offset", DeadLetterOffset, Number, Framework),
        new("__connect.errors.exception.message", DeadLetterError, TextOnly, Framework),

        // Plain names (also MassTransit MessageId/CorrelationId/MessageType, Wolverine, Eventuous message-type)
        new("message-id", MessageId, Text, Plain),
        new("messageId", MessageId, Text, Plain),
        new("message_id", MessageId, Text, Plain),
        new("x-message-id", MessageId, Text, Plain),
        new("event-id", MessageId, Text, Plain),
        new("eventId", MessageId, Text, Plain),
        new("event_id", MessageId, Text, Plain),
        new("id", MessageId, Text, Plain),
        new("correlation-id", CorrelationId, Text, Plain),
        new("correlationId", CorrelationId, Text, Plain),
        new("correlation_id", CorrelationId, Text, Plain),
        new("x-correlation-id", CorrelationId, Text, Plain),
        new("causation-id", CausationId, Text, Plain),
        new("causationId", CausationId, Text, Plain),
        new("causation_id", CausationId, Text, Plain),
        new("x-causation-id", CausationId, Text, Plain),
        new("message-type", MessageType, MessageTypeName, Plain),
        new("messageType", MessageType, MessageTypeName, Plain),
        new("message_type", MessageType, MessageTypeName, Plain),
        new("x-message-type", MessageType, MessageTypeName, Plain),
        new("event-type", MessageType, MessageTypeName, Plain),
        new("eventType", MessageType, MessageTypeName, Plain),
        new("event_type", MessageType, MessageTypeName, Plain),
        new("x-event-type", MessageType, MessageTypeName, Plain),
        new("type", MessageType, MessageTypeName, Plain),
        new("source", Source, Text, Plain),
        new("x-source", Source, Text, Plain),
        new("service", Source, Text, Plain),
        new("x-service", Source, Text, Plain),
        new("subject", Subject, Text, Plain),
        new("aggregate-id", Subject, Text, Plain),
        new("aggregateId", Subject, Text, Plain),
        new("aggregate_id", Subject, Text, Plain),
        new("message-kind", KindHint, TextOnly, Plain),
        new("x-message-kind", KindHint, TextOnly, Plain),
        new("message_kind", KindHint, TextOnly, Plain),
        new("kind", KindHint, TextOnly, Plain),
        new("traceparent", TraceId, HeaderValueKind.TraceParent, Plain),

        // Conversation ids group a conversation too, but an explicit correlation id wins.
        new("NServiceBus.ConversationId", CorrelationId, Text, Conversation),
        new("MT-ConversationId", CorrelationId, Text, Conversation),
        new("ConversationId", CorrelationId, Text, Conversation),
        new("conversation-id", CorrelationId, Text, Conversation),
    ];
}
