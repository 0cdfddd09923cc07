namespace EventObserver.Core.Lineage;

/// <summary>Everything the decoder collects from headers and payload before it builds the envelope.</summary>
internal enum LineageSlot
{
    MessageId,
    MessageType,
    KindHint,
    CorrelationId,
    CausationId,
    Source,
    Subject,
    TraceId,
    ContentType,
    DeadLetterTopic,
    DeadLetterPartition,
    DeadLetterOffset,
    DeadLetterError,
}
