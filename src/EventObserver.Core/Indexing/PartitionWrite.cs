using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Indexing;

/// <summary>
/// What one <see cref="IEventWriter.Write(IReadOnlyList{EventEnvelope}, IReadOnlyList{RetentionGap})"/> commits for one
/// partition, as every engine decides it: the envelopes not yet indexed (at or beyond the checkpoint, each offset once,
/// in offset order), the retention gaps the checkpoint jumps past (clipped to it) and the new checkpoint.
/// </summary>
public sealed record PartitionWrite(TopicPartitionKey Key, long Checkpoint, List<EventEnvelope> Accepted, List<RetentionGap> Gaps, long Next)
{
    public static Dictionary<TopicPartitionKey, List<EventEnvelope>> GroupByPartition(IReadOnlyList<EventEnvelope> batch)
    {
        var groups = new Dictionary<TopicPartitionKey, List<EventEnvelope>>();
        foreach (var e in batch)
        {
            var key = new TopicPartitionKey(e.Topic, e.Partition);
            if (!groups.TryGetValue(key, out var list))
            {
                list = [];
                groups[key] = list;
            }

            list.Add(e);
        }

        return groups;
    }

    /// <summary>
    /// The partitions of <paramref name="groups"/> and <paramref name="gaps"/> whose checkpoint moves; a partition whose
    /// events and gaps are all behind its checkpoint (a rewrite) is left out.
    /// </summary>
    /// <param name="checkpointOf">The partition's checkpoint as committed (0 for a partition never written).</param>
    /// <param name="maxOffset">The highest offset the engine can address; a higher one throws.</param>
    public static List<PartitionWrite> Plan(
        Dictionary<TopicPartitionKey, List<EventEnvelope>> groups,
        IReadOnlyList<RetentionGap> gaps,
        Func<TopicPartitionKey, long> checkpointOf,
        long maxOffset = long.MaxValue)
    {
        var writes = new List<PartitionWrite>();
        var gapsByPartition = gaps.GroupBy(g => new TopicPartitionKey(g.Topic, g.Partition)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var key in groups.Keys.Union(gapsByPartition.Keys))
        {
            var checkpoint = checkpointOf(key);
            var accepted = groups.TryGetValue(key, out var events) ? Accept(events, checkpoint, maxOffset) : [];
            var next = accepted.Count > 0 ? accepted[^1].Offset + 1 : checkpoint;
            var recorded = new List<RetentionGap>();
            foreach (var gap in gapsByPartition.GetValueOrDefault(key) ?? [])
            {
                // A gap the checkpoint is already past was recorded before (or never mattered).
                if (gap.LastOffset >= checkpoint)
                {
                    recorded.Add(gap.FirstOffset >= checkpoint ? gap : gap with { FirstOffset = checkpoint });
                    next = Math.Max(next, gap.LastOffset + 1);
                }
            }

            if (next != checkpoint)
            {
                writes.Add(new PartitionWrite(key, checkpoint, accepted, recorded, next));
            }
        }

        return writes;
    }

    /// <summary>Offsets below the checkpoint are already indexed; a repeated offset is taken once.</summary>
    private static List<EventEnvelope> Accept(List<EventEnvelope> events, long next, long maxOffset)
    {
        var sorted = true;
        for (var i = 1; i < events.Count && sorted; i++)
        {
            sorted = events[i - 1].Offset < events[i].Offset;
        }

        if (!sorted)
        {
            events.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        }

        var accepted = new List<EventEnvelope>(events.Count);
        foreach (var e in events)
        {
            if (e.Offset > maxOffset)
            {
                throw new ArgumentOutOfRangeException(nameof(events), e.Offset, $"Offset of {e.Id} is beyond what the index can address.");
            }

            if (e.Offset >= next)
            {
                accepted.Add(e);
                next = e.Offset + 1;
            }
        }

        return accepted;
    }
}
