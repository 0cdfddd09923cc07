namespace EventObserver.Core.Indexing;

/// <summary>Offsets <paramref name="FromOffset"/> to <paramref name="ToOffset"/> (both inclusive) of one partition.</summary>
public readonly record struct PartitionOffsetRange(string Topic, int Partition, long FromOffset = 0, long ToOffset = long.MaxValue)
{
    public bool Contains(long offset) => offset >= FromOffset && offset <= ToOffset;
}
