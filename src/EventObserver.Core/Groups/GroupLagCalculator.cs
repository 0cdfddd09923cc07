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

        // Committed partitions, then assigned ones without a commit (null offset), sorted by topic and partition; an
        // assignment can name a partition twice during a rebalance (two members briefly): it is kept once.
        var entries = new List<(TopicPartitionKey Key, long? Offset)>(committed.Offsets.Count);
        foreach (var (key, offset) in committed.Offsets)
        {
            // Kafka reports "no offset" as a negative sentinel (-1001); such a partition has no commit.
            entries.Add((key, offset >= 0 ? offset : null));
        }

        if (description.Members.Count > 0)
        {
            var seen = new HashSet<TopicPartitionKey>(committed.Offsets.Keys);
            foreach (var key in description.Members.SelectMany(m => m.Assignment))
            {
                if (seen.Add(key))
                {
                    entries.Add((key, null));
                }
            }
        }

        entries.Sort(static (a, b) => Compare(a.Key.Topic, a.Key.Partition, b.Key.Topic, b.Key.Partition));

        // The previous refresh's partitions are in the same order: one merge walk finds each one's earlier offset.
        var earlier = previous is not null && sincePrevious > TimeSpan.Zero ? previous.Partitions : [];
        var e = 0;
        var ordered = new PartitionLag[entries.Count];
        var topics = new List<GroupTopicLag>();
        long totalLag = 0;
        TimeSpan? maxTimeLag = null;
        var topicStart = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var (key, offset) = entries[i];
            long? logEnd = watermarks.TryGetValue(key, out var marks) ? marks.High : null;
            if (offset is not { } at)
            {
                ordered[i] = new PartitionLag(key.Topic, key.Partition, null, logEnd, null, TimeLag.NoCommit);
            }
            else
            {
                long? lag = logEnd is { } end ? Math.Max(0, end - at) : null;
                var time = logEnd is { } high && at >= high ? TimeLag.CaughtUp : timeLag(key, at, logEnd);
                while (e < earlier.Count && Compare(earlier[e].Topic, earlier[e].Partition, key.Topic, key.Partition) < 0)
                {
                    e++;
                }

                // A committed offset that moved back (an offset reset) gives no rate rather than a negative one.
                double? rate = e < earlier.Count && earlier[e].Partition == key.Partition && earlier[e].Topic == key.Topic
                    && earlier[e].CommittedOffset is { } before && at >= before
                    ? (at - before) / sincePrevious.TotalSeconds
                    : null;
                ordered[i] = new PartitionLag(key.Topic, key.Partition, at, logEnd, lag, time, rate);
                totalLag += lag ?? 0;
                maxTimeLag = Max(maxTimeLag, time.Value);
            }

            if (i == entries.Count - 1 || entries[i + 1].Key.Topic != key.Topic)
            {
                topics.Add(Rollup(ordered, topicStart, i + 1));
                topicStart = i + 1;
            }
        }

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

    private static int Compare(string topicA, int partitionA, string topicB, int partitionB)
    {
        var byTopic = string.CompareOrdinal(topicA, topicB);
        return byTopic != 0 ? byTopic : partitionA.CompareTo(partitionB);
    }

    private static GroupTopicLag Rollup(PartitionLag[] partitions, int from, int to)
    {
        long lag = 0;
        double? rate = null;
        TimeSpan? max = null;
        for (var i = from; i < to; i++)
        {
            lag += partitions[i].Lag ?? 0;
            max = Max(max, partitions[i].TimeLag.Value);
            if (partitions[i].ConsumedPerSecond is { } perSecond)
            {
                rate = (rate ?? 0) + perSecond;
            }
        }

        return new GroupTopicLag(partitions[from].Topic, to - from, lag, max, rate);
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string? JoinErrors(string? description, string? offsets) => (description, offsets) switch
    {
        (null, null) => null,
        (not null, null) => description,
        (null, not null) => offsets,
        _ => $"{description}; {offsets}",
    };
}
