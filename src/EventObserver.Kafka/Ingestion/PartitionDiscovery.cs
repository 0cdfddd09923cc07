using Confluent.Kafka;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Manual assignment: the partitions of every included topic, read from the cluster's metadata, become the consumer's
/// assignment (new ones added at their index positions, deleted topics' ones removed). Replaces a group subscription for
/// one observer: no coordinator, so nothing waits for a rebalance after a broker outage or a crash.
/// </summary>
internal sealed class PartitionDiscovery(TopicFilter filter, IAdminClient admin, Func<List<TopicPartition>, IEnumerable<TopicPartitionOffset>> positionsFor)
{
    // Bounds the loop's wait when the brokers are down; the next refresh comes a few seconds later anyway.
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(2);

    private readonly HashSet<TopicPartition> _assigned = [];

    /// <summary>
    /// Reads the metadata and brings the assignment up to date; false when the cluster did not answer (the assignment is
    /// left as it is).
    /// </summary>
    public bool Refresh(IConsumer<byte[], byte[]> consumer)
    {
        Metadata metadata;
        try
        {
            metadata = admin.GetMetadata(MetadataTimeout);
        }
        catch (KafkaException)
        {
            return false;
        }

        var current = new HashSet<TopicPartition>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in metadata.Topics)
        {
            if (topic.Error.Code != ErrorCode.UnknownTopicOrPart)
            {
                listed.Add(topic.Topic);
            }

            // Kafka's own topics (__consumer_offsets, __transaction_state) are never events, whatever the filter says;
            // a regex subscription leaves them out too.
            if (topic.Error.IsError || topic.Topic.StartsWith("__", StringComparison.Ordinal) || !filter.Includes(topic.Topic))
            {
                continue;
            }

            foreach (var partition in topic.Partitions)
            {
                current.Add(new TopicPartition(topic.Topic, new Partition(partition.PartitionId)));
            }
        }

        var added = current.Where(p => !_assigned.Contains(p)).OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition.Value).ToList();
        // Only a topic the cluster no longer lists is let go: one answering with a passing error keeps its partitions.
        var removed = _assigned.Where(p => !listed.Contains(p.Topic)).ToList();
        if (removed.Count > 0)
        {
            consumer.IncrementalUnassign(removed);
            _assigned.ExceptWith(removed);
        }

        if (added.Count > 0)
        {
            consumer.IncrementalAssign(positionsFor(added));
            _assigned.UnionWith(added);
        }

        return true;
    }
}
