using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>
/// What one write commits, against the checkpoints read (and locked) in its transaction: the envelopes not yet indexed
/// (at or beyond their partition's checkpoint, each offset once), the new checkpoints with the figures the new events
/// add, and the retention gaps the checkpoints jump past (clipped to the checkpoint), as the LiteDB index decides.
/// </summary>
internal sealed class BatchPlan
{
    public List<EventEnvelope> Events { get; } = [];
    public List<CheckpointChange> Checkpoints { get; } = [];
    public List<RetentionGap> Gaps { get; } = [];

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

    public static BatchPlan Create(
        Dictionary<TopicPartitionKey, List<EventEnvelope>> groups,
        IReadOnlyList<RetentionGap> gaps,
        IReadOnlyDictionary<TopicPartitionKey, long> checkpoints)
    {
        var plan = new BatchPlan();
        var gapsByPartition = gaps.GroupBy(g => new TopicPartitionKey(g.Topic, g.Partition)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var key in groups.Keys.Union(gapsByPartition.Keys))
        {
            var checkpoint = checkpoints.GetValueOrDefault(key);
            var accepted = groups.TryGetValue(key, out var events) ? Accept(events, checkpoint) : [];
            var next = accepted.Count > 0 ? accepted[^1].Offset + 1 : checkpoint;
            foreach (var gap in gapsByPartition.GetValueOrDefault(key) ?? [])
            {
                // A gap the checkpoint is already past was recorded before (or never mattered).
                if (gap.LastOffset >= checkpoint)
                {
                    plan.Gaps.Add(gap.FirstOffset >= checkpoint ? gap : gap with { FirstOffset = checkpoint });
                    next = Math.Max(next, gap.LastOffset + 1);
                }
            }

            if (next == checkpoint)
            {
                continue;
            }

            plan.Events.AddRange(accepted);
            plan.Checkpoints.Add(CheckpointChange.For(key, next, accepted));
        }

        return plan;
    }

    /// <summary>Offsets below the checkpoint are already indexed; a repeated offset is taken once.</summary>
    private static List<EventEnvelope> Accept(List<EventEnvelope> events, long next)
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
            if (e.Offset >= next)
            {
                accepted.Add(e);
                next = e.Offset + 1;
            }
        }

        return accepted;
    }
}
