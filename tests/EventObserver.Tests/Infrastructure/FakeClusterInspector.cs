using EventObserver.Kafka.Admin;

namespace EventObserver.Tests.Infrastructure;

/// <summary>Cluster metadata set by the test; the real inspector is tested against the mock cluster in Kafka.Tests.</summary>
public sealed class FakeClusterInspector : IClusterInspector
{
    public IReadOnlyList<ClusterTopic> Topics { get; set; } = [];

    /// <summary>Descriptions by topic name; a topic not here is not listed by the cluster.</summary>
    public Dictionary<string, ClusterTopicDescription> Descriptions { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<ClusterTopic> GetTopics() => Topics;

    public Task<ClusterTopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken) =>
        Task.FromResult(Descriptions.GetValueOrDefault(topic) ?? ClusterTopicDescription.Unknown(topic, null));
}
