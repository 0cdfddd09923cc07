using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Embedded;
using EventObserver.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Kafka.Tests.Admin;

/// <summary>Topic descriptions against librdkafka's mock cluster (it answers metadata and ListOffsets).</summary>
public sealed class ClusterInspectorDescribeTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new(brokers: 3);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly string _topic = MockClusterFixture.UniqueTopic("describe");
    private readonly ClusterInspector _inspector;

    public ClusterInspectorDescribeTests()
    {
        _cluster.CreateTopic(_topic, 4, replicationFactor: 3);
        _cluster.CreateTopic("skip.me", 1);
        var options = new KafkaOptions { BootstrapServers = _cluster.BootstrapServers, ExcludeTopics = ["^skip"] };
        _inspector = new ClusterInspector(KafkaConnection.ForCluster(options, _cluster.BootstrapServers), _time, NullLogger<ClusterInspector>.Instance);
    }

    [Fact]
    public async Task DescribeTopic_ReplicatedTopic_ReportsLeaderReplicasAndIsrPerPartition()
    {
        var description = await _inspector.DescribeTopicAsync(_topic, CancellationToken.None);

        Assert.True(description.Listed);
        Assert.Null(description.Error);
        Assert.Equal([0, 1, 2, 3], description.Partitions.Select(p => p.Partition));
        Assert.All(description.Partitions, p =>
        {
            Assert.NotNull(p.Leader);
            Assert.InRange(p.Leader.Value, 1, 3);
            Assert.Equal([1, 2, 3], p.Replicas!.Order());
            Assert.Contains(p.Leader.Value, p.Replicas!);
            Assert.Equal([1, 2, 3], p.InSyncReplicas!.Order());
        });
    }

    [Fact]
    public async Task DescribeTopic_AfterProducing_ReportsLowAndHighWatermarks()
    {
        using (var producer = new TestProducer(_cluster.BootstrapServers))
        {
            producer.SendMany(_topic, 40);
        }

        var description = await _inspector.DescribeTopicAsync(_topic, CancellationToken.None);

        Assert.All(description.Partitions, p => Assert.Equal(0, p.Low));
        Assert.Equal(40, description.Partitions.Sum(p => p.High!.Value));
        Assert.Contains(description.Partitions, p => p.High > 0);
    }

    [Fact]
    public async Task DescribeTopic_UnknownOrExcludedTopic_IsNotListed()
    {
        var unknown = await _inspector.DescribeTopicAsync("no-such-topic", CancellationToken.None);
        var excluded = await _inspector.DescribeTopicAsync("skip.me", CancellationToken.None);

        Assert.False(unknown.Listed);
        Assert.Empty(unknown.Partitions);
        Assert.False(excluded.Listed);
    }

    [Fact]
    public async Task DescribeTopic_WithinCacheTime_AnswersFromCache_AndAfterwardsAsksAgain()
    {
        var first = await _inspector.DescribeTopicAsync(_topic, CancellationToken.None);
        using (var producer = new TestProducer(_cluster.BootstrapServers))
        {
            producer.SendMany(_topic, 12);
        }

        var cached = await _inspector.DescribeTopicAsync(_topic, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3));
        var fresh = await _inspector.DescribeTopicAsync(_topic, CancellationToken.None);

        Assert.Same(first, cached);
        Assert.Equal(12, fresh.Partitions.Sum(p => p.High!.Value));
    }

    [Fact]
    public async Task DescribeTopic_BrokersDown_ReturnsKnownPartitionsWithUnknownWatermarksAndAnError()
    {
        await _inspector.DescribeTopicAsync(_topic, CancellationToken.None);
        _cluster.SetAllBrokersDown();
        _time.Advance(TimeSpan.FromSeconds(3));

        var whileDown = await _inspector.DescribeTopicAsync(_topic, CancellationToken.None);

        Assert.True(whileDown.Listed);
        Assert.Equal(4, whileDown.Partitions.Count);
        Assert.All(whileDown.Partitions, p => Assert.Null(p.High));
        Assert.NotNull(whileDown.Error);
    }

    public void Dispose()
    {
        _inspector.Dispose();
        _cluster.Dispose();
    }
}
