namespace EventObserver.Core.Indexing;

/// <summary>
/// Offsets <paramref name="FirstOffset"/> to <paramref name="LastOffset"/> (both inclusive) of one partition that
/// were never indexed because the broker had deleted them (retention) before ingestion read them.
/// </summary>
public sealed record RetentionGap(string Topic, int Partition, long FirstOffset, long LastOffset, DateTimeOffset DetectedAt)
{
    /// <summary>How many offsets the gap spans: the messages lost to the index.</summary>
    public long Count => LastOffset - FirstOffset + 1;
}
