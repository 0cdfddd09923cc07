using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace EventObserver.TestSupport.Groups;

/// <summary>One consumer group of <see cref="FakeGroupsAdminClient"/>: state, members and committed offsets (per topic an array, -1 = none).</summary>
public sealed class FakeGroup(string groupId)
{
    private readonly Lock _gate = new();

    public string GroupId { get; } = groupId;

    public ConsumerGroupState State { get; set; } = ConsumerGroupState.Empty;

    public string Assignor { get; set; } = "range";

    public bool IsSimple { get; set; }

    public List<MemberDescription> Members { get; } = [];

    /// <summary>Committed offsets by topic, indexed by partition; -1 where the group never committed.</summary>
    internal Dictionary<string, long[]> Committed { get; } = new(StringComparer.Ordinal);

    public FakeGroup WithMember(string clientId, string host, params TopicPartition[] assignment)
    {
        Members.Add(new MemberDescription
        {
            ConsumerId = $"{clientId}-{Guid.NewGuid():N}",
            ClientId = clientId,
            Host = host,
            Assignment = new MemberAssignment { TopicPartitions = [.. assignment] },
        });
        State = ConsumerGroupState.Stable;
        return this;
    }

    public FakeGroup Commit(string topic, int partition, long offset, int partitions)
    {
        lock (_gate)
        {
            if (!Committed.TryGetValue(topic, out var offsets))
            {
                offsets = new long[partitions];
                Array.Fill(offsets, -1);
                Committed[topic] = offsets;
            }

            offsets[partition] = offset;
        }

        return this;
    }

    /// <summary>The committed offset, or null.</summary>
    public long? CommittedAt(string topic, int partition)
    {
        lock (_gate)
        {
            return Committed.TryGetValue(topic, out var offsets) && partition < offsets.Length && offsets[partition] >= 0 ? offsets[partition] : null;
        }
    }

    internal List<(string Topic, int Partition, long Offset)> AllCommitted()
    {
        lock (_gate)
        {
            var all = new List<(string, int, long)>();
            foreach (var (topic, offsets) in Committed)
            {
                for (var p = 0; p < offsets.Length; p++)
                {
                    if (offsets[p] >= 0)
                    {
                        all.Add((topic, p, offsets[p]));
                    }
                }
            }

            return all;
        }
    }
}
