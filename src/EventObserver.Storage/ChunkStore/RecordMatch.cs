namespace EventObserver.Storage.ChunkStore;

/// <summary>A matching record found by a scan, kept undecoded until it is known to be within the limit.</summary>
internal readonly record struct RecordMatch(string Topic, int Partition, long Offset, long TimestampMs, byte[] Data, int Start)
{
    /// <summary>Lineage order: timestamp, then topic (ordinal), partition and offset.</summary>
    public static int OldestFirst(RecordMatch a, RecordMatch b)
    {
        var byTime = a.TimestampMs.CompareTo(b.TimestampMs);
        if (byTime != 0)
        {
            return byTime;
        }

        var byTopic = string.CompareOrdinal(a.Topic, b.Topic);
        if (byTopic != 0)
        {
            return byTopic;
        }

        return a.Partition != b.Partition ? a.Partition.CompareTo(b.Partition) : a.Offset.CompareTo(b.Offset);
    }
}
