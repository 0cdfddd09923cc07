using EventObserver.Core.Indexing;

namespace EventObserver.Storage.Index;

/// <summary>Per-partition ranges, answered from the in-memory chunk catalog.</summary>
public sealed partial class LiteDbEventIndex
{
    public IReadOnlyList<PartitionIndexRange> GetPartitionRanges(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var ranges = new List<PartitionIndexRange>();
        foreach (var (key, chunks) in _catalog.ByPartition(k => string.Equals(k.Topic, topic, StringComparison.Ordinal)))
        {
            if (chunks.Count == 0)
            {
                continue;
            }

            ranges.Add(new PartitionIndexRange(
                key.Partition,
                chunks[0].FirstOffset,
                chunks[^1].LastOffset,
                chunks.Sum(c => (long)c.Count),
                DateTimeOffset.FromUnixTimeMilliseconds(chunks.Min(c => c.MinTimestampMs)),
                DateTimeOffset.FromUnixTimeMilliseconds(chunks.Max(c => c.MaxTimestampMs))));
        }

        ranges.Sort((a, b) => a.Partition.CompareTo(b.Partition));
        return ranges;
    }
}
