using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>
/// What one write commits, against the checkpoints read (and locked) in its transaction: the envelopes not yet indexed
/// (at or beyond their partition's checkpoint, each offset once), the new checkpoints with the figures the new events
/// add, and the retention gaps the checkpoints jump past (clipped to the checkpoint), as <see cref="PartitionWrite"/> decides for every engine.
/// </summary>
internal sealed class BatchPlan
{
    public List<EventEnvelope> Events { get; } = [];
    public List<CheckpointChange> Checkpoints { get; } = [];
    public List<RetentionGap> Gaps { get; } = [];

    public static BatchPlan Create(
        Dictionary<TopicPartitionKey, List<EventEnvelope>> groups,
        IReadOnlyList<RetentionGap> gaps,
        IReadOnlyDictionary<TopicPartitionKey, long> checkpoints)
    {
        var plan = new BatchPlan();
        foreach (var write in PartitionWrite.Plan(groups, gaps, checkpoints.GetValueOrDefault))
        {
            plan.Events.AddRange(write.Accepted);
            plan.Gaps.AddRange(write.Gaps);
            plan.Checkpoints.Add(CheckpointChange.For(write.Key, write.Next, write.Accepted));
        }

        return plan;
    }
}
