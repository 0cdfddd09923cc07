using EventObserver.Kafka.Embedded;

namespace EventObserver.TestSupport;

/// <summary>
/// One librdkafka mock cluster per test class (<c>IClassFixture&lt;MockClusterFixture&gt;</c>). Tests share it,
/// so each creates its own topics through <see cref="CreateTopic"/>. A test that takes brokers down
/// should own its cluster (<c>new MockKafkaCluster()</c>) instead.
/// </summary>
public sealed class MockClusterFixture : IDisposable
{
    public MockKafkaCluster Cluster { get; } = new(brokers: 1);

    public string BootstrapServers => Cluster.BootstrapServers;

    /// <summary>Creates a topic with a unique name starting with <paramref name="prefix"/>.</summary>
    public string CreateTopic(string prefix, int partitions = 1)
    {
        var name = UniqueTopic(prefix);
        Cluster.CreateTopic(name, partitions);
        return name;
    }

    public static string UniqueTopic(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    public void Dispose() => Cluster.Dispose();
}
