using EventObserver.Kafka.Admin;

namespace EventObserver.Tests.Infrastructure;

/// <summary>Cluster metadata set by the test; the real inspector is tested against the mock cluster in Kafka.Tests.</summary>
public sealed class FakeClusterInspector : IClusterInspector
{
    public IReadOnlyList<ClusterTopic> Topics { get; set; } = [];

    public IReadOnlyList<ClusterTopic> GetTopics() => Topics;
}
