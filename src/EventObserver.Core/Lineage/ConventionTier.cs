namespace EventObserver.Core.Lineage;

/// <summary>
/// Priority of a source of lineage values; lower wins. Within a tier the order of the rule table decides,
/// so the result never depends on header order (except a repeated header, where the last value wins).
/// </summary>
internal enum ConventionTier
{
    /// <summary>Mappings from configuration.</summary>
    UserMapping = 0,

    /// <summary><c>ce_*</c> headers (CloudEvents Kafka binary mode).</summary>
    CloudEventsBinary = 1,

    /// <summary>Attributes of a structured CloudEvent in the JSON body.</summary>
    CloudEventsStructured = 2,

    /// <summary>Namespaced framework headers: NServiceBus, MassTransit MT-*, Axon, Eventuous, Wolverine parent-id, dead-letter headers.</summary>
    Framework = 3,

    /// <summary>KurrentDB-style <c>$correlationId</c>/<c>$causationId</c> in the JSON body.</summary>
    PayloadMetadata = 4,

    /// <summary>Plain header names shared by MassTransit, Wolverine and hand-rolled producers.</summary>
    Plain = 5,

    /// <summary>Conversation ids: a correlation only when no explicit correlation id exists.</summary>
    Conversation = 6,

    /// <summary><c>type</c>/<c>eventType</c>/<c>messageType</c>/<c>$type</c> in the JSON body.</summary>
    PayloadType = 7,

    /// <summary>
    /// The message's own id in the JSON body (<c>metadata.messageId</c>, <c>meta.eventId</c>, <c>eventId</c>, a unique-looking
    /// <c>id</c>, …): below every header, so a header id always wins.
    /// </summary>
    PayloadId = 8,
}
