namespace EventObserver.Kafka.Admin;

/// <summary>Reads cluster metadata (topics, partitions, watermarks). Never throws for an unreachable broker: returns what it has.</summary>
public interface IClusterInspector
{
    /// <summary>Topics that ingestion covers (include/exclude applied), cached for a few seconds.</summary>
    IReadOnlyList<ClusterTopic> GetTopics();

    /// <summary>
    /// One topic's partitions with leader, replicas, in-sync replicas and low/high watermarks, cached for a few seconds.
    /// An inspector that only lists topics says it cannot describe them.
    /// </summary>
    Task<ClusterTopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken) =>
        Task.FromResult(ClusterTopicDescription.Unknown(topic, "This cluster inspector does not describe topics."));
}
