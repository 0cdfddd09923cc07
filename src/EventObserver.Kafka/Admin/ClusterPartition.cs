namespace EventObserver.Kafka.Admin;

/// <summary>
/// One partition as the cluster describes it. Null means the broker did not tell: <see cref="Leader"/> when the
/// partition has none, <see cref="Replicas"/> and <see cref="InSyncReplicas"/> when its metadata lists none, the
/// watermarks when the offsets request failed or timed out.
/// </summary>
/// <param name="Low">The log start offset: the oldest the broker still holds.</param>
/// <param name="High">The log end offset: the next to be written.</param>
public sealed record ClusterPartition(
    int Partition,
    int? Leader,
    IReadOnlyList<int>? Replicas,
    IReadOnlyList<int>? InSyncReplicas,
    long? Low,
    long? High);
