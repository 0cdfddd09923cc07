namespace EventObserver.Core.Decoding;

/// <summary>
/// The JSON payload properties the decoder cares about: top-level ones, and ids under <c>metadata</c>/<c>$metadata</c>
/// and <c>meta</c>.
/// </summary>
internal enum JsonField
{
    None,
    SpecVersion,
    Id,
    Type,
    Source,
    Subject,
    CorrelationId,
    CausationId,
    TraceParent,
    EventType,
    MessageType,
    DotNetType,
    KurrentCorrelationId,
    KurrentCausationId,
    Metadata,

    /// <summary>Top-level <c>messageId</c> (or KurrentDB-style <c>$messageId</c>).</summary>
    MessageId,

    /// <summary>Top-level <c>eventId</c> (or KurrentDB-style <c>$eventId</c>).</summary>
    EventId,

    /// <summary><c>messageId</c>/<c>$messageId</c> under <c>metadata</c>/<c>$metadata</c>.</summary>
    MetadataMessageId,

    /// <summary><c>eventId</c>/<c>$eventId</c> under <c>metadata</c>/<c>$metadata</c>.</summary>
    MetadataEventId,

    /// <summary>The <c>meta</c> object (its ids only: other frameworks' <c>meta</c> means anything).</summary>
    Meta,
    MetaMessageId,
    MetaEventId,
    Count,
}
