namespace EventObserver.Kafka.Configuration;

/// <summary>How the ingestion consumer gets its partitions (<c>EventObserver:Kafka:Assignment</c>).</summary>
public enum PartitionAssignment
{
    /// <summary>
    /// The observer assigns itself every partition of the included topics, found in the cluster's metadata every
    /// <c>MetadataRefreshMs</c>: no consumer group, so a broker outage longer than the session timeout or a restart after
    /// a crash never waits for a group to rebalance. The default, for one observer per index.
    /// </summary>
    Manual = 0,

    /// <summary>
    /// A regex subscription in the consumer group <c>GroupId</c>: Kafka spreads the partitions over the members. Positions
    /// still come from the index; Kafka's committed offsets are never used.
    /// </summary>
    Group = 1,
}
