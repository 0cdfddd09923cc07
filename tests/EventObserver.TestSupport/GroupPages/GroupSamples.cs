using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;

namespace EventObserver.TestSupport.GroupPages;

/// <summary>Consumer group statuses for tests of the groups pages and API, with totals computed like the monitor's.</summary>
public static class GroupSamples
{
    public static PartitionLag Partition(string topic, int partition, long committed, long logEnd, TimeSpan? timeLag = null, TimeLagStatus? status = null)
    {
        var lag = logEnd - committed;
        var time = status switch
        {
            { } s => new TimeLag(s, timeLag),
            null when lag == 0 => TimeLag.CaughtUp,
            _ => new TimeLag(TimeLagStatus.Exact, timeLag ?? TimeSpan.Zero),
        };
        return new PartitionLag(topic, partition, committed, logEnd, lag, time);
    }

    public static ConsumerGroupStatus Group(
        string groupId, GroupState state, IReadOnlyList<PartitionLag> partitions, IReadOnlyList<GroupMember>? members = null, bool membersKnown = true, string? error = null)
    {
        var topics = partitions.GroupBy(p => p.Topic, StringComparer.Ordinal)
            .Select(t => new GroupTopicLag(t.Key, t.Count(), t.Sum(p => p.Lag ?? 0), t.Select(p => p.TimeLag.Value).Max(), null))
            .ToList();
        return new ConsumerGroupStatus(
            groupId, state, "consumer", "range", members ?? [], membersKnown, partitions, topics,
            partitions.Sum(p => p.Lag ?? 0), partitions.Select(p => p.TimeLag.Value).Max(), error);
    }

    public static GroupMember Member(string clientId, string host, params TopicPartitionKey[] assignment) =>
        new($"{clientId}-member", clientId, host, assignment);

    public static ConsumerGroupsSnapshot Snapshot(DateTimeOffset at, string source, params ConsumerGroupStatus[] groups) =>
        new(at, TimeSpan.FromMilliseconds(12), groups, source);
}
