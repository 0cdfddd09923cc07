namespace EventObserver.Kafka.Admin;

/// <summary>
/// One topic as the cluster describes it. <see cref="Listed"/> is false when the cluster's metadata does not list it
/// (or ingestion excludes it); <see cref="Error"/> says why something is unknown (the cluster unreachable, the offsets
/// request failed), and the partitions then hold what was last known.
/// </summary>
public sealed record ClusterTopicDescription(string Name, bool Listed, IReadOnlyList<ClusterPartition> Partitions, string? Error)
{
    public static ClusterTopicDescription Unknown(string name, string? error) => new(name, false, [], error);
}
