namespace EventObserver.Kafka.Admin;

/// <summary>A topic as the cluster's metadata describes it.</summary>
public sealed record ClusterTopic(string Name, int Partitions, long HighWatermarkTotal);
