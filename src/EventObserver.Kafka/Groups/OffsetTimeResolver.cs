using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;

namespace EventObserver.Kafka.Groups;

/// <summary>
/// Resolves a time to an offset through the index (the broker's time lookup is missing on the mock, and the index
/// knows every timestamp it holds): the first offset of the partition whose event is at or after the time.
/// </summary>
internal static class OffsetTimeResolver
{
    public static (long Offset, string? Note) Resolve(IEventReader index, TopicPartitionKey partition, PartitionWatermarks marks, DateTimeOffset time)
    {
        var range = new EventRange { Selection = new EventSelection { Ranges = [new PartitionRange(partition.Topic, partition.Partition)] } };
        var oldest = index.ReadOldestFirst(range).FirstOrDefault();
        if (oldest is null)
        {
            return (marks.High, "no event of this partition is indexed: log end");
        }

        if (oldest.Timestamp >= time)
        {
            // Offsets below the oldest indexed one still in the log are unknown to the index: start at the log start.
            return oldest.Offset <= marks.Low
                ? (marks.Low, null)
                : (marks.Low, $"the time is before the oldest indexed event (offset {oldest.Offset}): log start");
        }

        var first = index.ReadOldestFirst(range with { Selection = range.Selection with { From = time } }).FirstOrDefault();
        if (first is null)
        {
            return (marks.High, "no indexed event is at or after the time: log end");
        }

        return (Math.Clamp(first.Offset, marks.Low, marks.High), null);
    }
}
