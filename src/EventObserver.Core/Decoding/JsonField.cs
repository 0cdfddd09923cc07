namespace EventObserver.Core.Decoding;

/// <summary>The top-level JSON payload properties the decoder cares about.</summary>
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
    Count,
}
