namespace EventObserver.Features.Topics;

/// <summary>
/// One topic in detail, for its page and <c>GET /api/topics/{name}</c>: what the cluster says of each partition, what
/// the index holds of it, the groups consuming it and the producers seen on it.
/// </summary>
/// <param name="ListedByCluster">False when the cluster no longer lists the topic (its indexed history is still shown).</param>
/// <param name="ClusterProblem">Why some of the cluster's figures are unknown (unreachable, offsets not answered); null when all are known.</param>
/// <param name="IndexProblem">Why the index's figures are missing (no index open yet, the read failed); null when read.</param>
/// <param name="GroupsSource">How the consumer groups were found, or why none are known.</param>
public sealed record TopicDetailDto(
    string Name,
    int Partitions,
    long Indexed,
    DateTimeOffset? LastEventAt,
    double EventsPerSec,
    long LostToRetention,
    bool ListedByCluster,
    string? ClusterProblem,
    string? IndexProblem,
    IReadOnlyList<TopicPartitionDto> PartitionDetails,
    IReadOnlyList<RetentionGapDto> Gaps,
    IReadOnlyList<TopicGroupDto> Groups,
    string GroupsSource,
    TopicProducersDto Producers);
