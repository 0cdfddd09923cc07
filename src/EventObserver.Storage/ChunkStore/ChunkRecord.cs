namespace EventObserver.Storage.ChunkStore;

/// <summary>
/// The lookup fields of one encoded record, read in place (UTF-8 spans into the chunk), so a scan
/// can test every record of a chunk and decode only the ones that match.
/// </summary>
internal ref struct ChunkRecord
{
    /// <summary>Where the record starts, for <see cref="ChunkCodec.DecodeAt"/>.</summary>
    public int Start;
    public long Offset;
    public long TimestampMs;

    /// <summary>False when the id was stored as null (derived from the position).</summary>
    public bool HasMessageId;
    public ReadOnlySpan<byte> MessageId;
    public bool HasCorrelationId;
    public ReadOnlySpan<byte> CorrelationId;
    public bool HasCausationId;
    public ReadOnlySpan<byte> CausationId;

    public bool IsDeadLetter;
    public ReadOnlySpan<byte> DeadLetterTopic;
    public int? DeadLetterPartition;
    public long? DeadLetterOffset;
}
