using EventObserver.Core.Indexing;

namespace EventObserver.Core.Groups;

/// <summary>
/// Builds one group's <see cref="ConsumerGroupStatus"/> from what the cluster said at one refresh: lag in messages per
/// committed partition (log end minus committed, never below zero), assigned partitions without a commit as
/// <see cref="TimeLagStatus.NoCommit"/>, per-topic rollups, totals, and the consume rate since the previous refresh.
/// Pure: time lag comes from the caller's resolver, so the same code runs against a fake index in tests.
/// </summary>
public static class GroupLagCalculator
{
    /// <summary>Resolves a partition's time lag at a committed offset that is behind the log end (or whose log end is unknown).</summary>
    public delegate TimeLag TimeLagLookup(TopicPartitionKey partition, long committedOffset, long? logEndOffset);

    public static ConsumerGroupStatus Build(
        GroupDescription description,
        GroupCommittedOffsets committed,
        IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks> watermarks,
        TimeLagLookup timeLag,
        ConsumerGroupStatus? previous = null,
        TimeSpan sincePrevious = default)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(committed);
        ArgumentNullException.ThrowIfNull(watermarks);
        ArgumentNullException.ThrowIfNull(timeLag);

        var before = PreviousOffsets(previous, sincePrevious);
        var partitions = new List<PartitionLag>(committed.Offsets.Count);
        foreach (var (key, offset) in committed.Offsets)
        {
            // Kafka reports "no offset" as a negative sentinel (-1001); such a partition has no commit.
            if (offset < 0)
            {
                partitions.Add(NoCommit(key, watermarks));
                continue;
            }

            long? logEnd = watermarks.TryGetValue(key, out var marks) ? marks.High : null;
            long? lag = logEnd is { } end ? Math.Max(0, end - offset) : null;
            var time = logEnd is { } high && offset >= high ? TimeLag.CaughtUp : timeLag(key, offset, logEnd);
            partitions.Add(new PartitionLag(key.Topic, key.Partition, offset, logEnd, lag, time, Rate(before, key, offset, sincePrevious)));
        }

        foreach (var member in description.Members)
        {
            foreach (var key in member.Assignment)
            {
                if (!committed.Offsets.ContainsKey(key))
                {
                    partitions.Add(NoCommit(key, watermarks));
                }
            }
        }

        // An assignment can name a partition twice during a rebalance (two members briefly): keep the first.
        var ordered = partitions
            .DistinctBy(p => (p.Topic, p.Partition))
            .OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition)
            .ToArray();

        var topics = ordered.GroupBy(p => p.Topic, StringComparer.Ordinal).Select(Rollup).ToArray();
        var totalLag = ordered.Sum(p => p.Lag ?? 0);
        var maxTimeLag = Max(ordered.Select(p => p.TimeLag.Value));
        return new ConsumerGroupStatus(
            description.GroupId,
            description.State,
            description.ProtocolType,
            description.Assignor,
            description.Members,
            description.MembersKnown,
            ordered,
            topics,
            totalLag,
            maxTimeLag,
            JoinErrors(description.Error, committed.Error));
    }

    private static PartitionLag NoCommit(TopicPartitionKey key, IReadOnlyDictionary<TopicPartitionKey, PartitionWatermarks> watermarks) =>
        new(key.Topic, key.Partition, null, watermarks.TryGetValue(key, out var marks) ? marks.High : null, null, TimeLag.NoCommit);

    private static GroupTopicLag Rollup(IGrouping<string, PartitionLag> topic)
    {
        double? rate = null;
        foreach (var partition in topic)
        {
            if (partition.ConsumedPerSecond is { } perSecond)
            {
                rate = (rate ?? 0) + perSecond;
            }
        }

        return new GroupTopicLag(topic.Key, topic.Count(), topic.Sum(p => p.Lag ?? 0), Max(topic.Select(p => p.TimeLag.Value)), rate);
    }

    private static Dictionary<TopicPartitionKey, long>? PreviousOffsets(ConsumerGroupStatus? previous, TimeSpan since)
    {
        if (previous is null || since <= TimeSpan.Zero)
        {
            return null;
        }

        var offsets = new Dictionary<TopicPartitionKey, long>(previous.Partitions.Count);
        foreach (var partition in previous.Partitions)
        {
            if (partition.CommittedOffset is { } offset)
            {
                offsets[new TopicPartitionKey(partition.Topic, partition.Partition)] = offset;
            }
        }

        return offsets;
    }

    // A committed offset that moved back (an offset reset) gives no rate rather than a negative one.
    private static double? Rate(Dictionary<TopicPartitionKey, long>? before, TopicPartitionKey key, long offset, TimeSpan since) =>
        before is not null && before.TryGetValue(key, out var earlier) && offset >= earlier
            ? (offset - earlier) / since.TotalSeconds
            : null;

    private static TimeSpan? Max(IEnumerable<TimeSpan?> values)
    {
        TimeSpan? max = null;
        foreach (var value in values)
        {
            if (value is { } v && (max is null || v > max))
            {
                max = v;
            }
        }

        return max;
    }

    private static string? JoinErrors(string? description, string? offsets) => (description, offsets) switch
    {
        (null, null) => null,
        (not null, null) => description,
        (null, not null) => offsets,
        _ => $"{description}; {offsets}",
    };
}
