namespace EventObserver.Kafka.Admin;

/// <summary>Reads cluster metadata (topics, partitions, watermarks). Never throws for an unreachable broker: returns what it has.</summary>
public interface IClusterInspector
{
    /// <summary>Topics that ingestion covers (include/exclude applied), cached for a few seconds.</summary>
    IReadOnlyList<ClusterTopic> GetTopics();
}
