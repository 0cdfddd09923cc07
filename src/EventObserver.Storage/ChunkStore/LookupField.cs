namespace EventObserver.Storage.ChunkStore;

/// <summary>The record field a <see cref="ChunkLookup"/> matches on.</summary>
internal enum LookupField
{
    MessageId,
    CorrelationId,
    CausationId,

    /// <summary>The original position (<c>topic/partition/offset</c>) a dead-letter copy points at.</summary>
    DeadLetterOf,
}
