using EventObserver.Kafka.Admin;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Kafka.Embedded;
using EventObserver.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EventObserver.Kafka.Tests.Admin;

public sealed class ClusterInspectorTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new(brokers: 1);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly string _topic = MockClusterFixture.UniqueTopic("inspect");
    private readonly ClusterInspector _inspector;

    public ClusterInspectorTests()
    {
        _cluster.CreateTopic(_topic, 3);
        _cluster.CreateTopic("_hidden", 1);
        _cluster.CreateTopic("skip.me", 1);
        var options = new KafkaOptions { BootstrapServers = _cluster.BootstrapServers, ExcludeTopics = ["^_", "^skip"] };
        _inspector = new ClusterInspector(KafkaConnection.ForCluster(options, _cluster.BootstrapServers), _time, NullLogger<ClusterInspector>.Instance);
    }

    [Fact]
    public void GetTopics_ListsIncludedTopicsWithPartitionsAndHighWatermarks()
    {
        using (var producer = new TestProducer(_cluster.BootstrapServers))
        {
            producer.SendMany(_topic, 30);
        }

        var topics = _inspector.GetTopics();

        var topic = Assert.Single(topics);
        Assert.Equal(_topic, topic.Name);
        Assert.Equal(3, topic.Partitions);
        Assert.Equal(30, topic.HighWatermarkTotal);
    }

    [Fact]
    public async Task GetTopics_WithinCacheTime_DoesNotAskTheCluster_AndAfterwardsRefreshes()
    {
        var before = _inspector.GetTopics();
        var later = MockClusterFixture.UniqueTopic("later");
        _cluster.CreateTopic(later, 1);

        var cached = _inspector.GetTopics();
        _time.Advance(TimeSpan.FromSeconds(3));
        var refreshed = await Eventually.MatchAsync(_inspector.GetTopics, t => t.Count == 2, "the refresh to see the new topic");

        Assert.Same(before, cached);
        Assert.Contains(refreshed, t => t.Name == later);
    }

    [Fact]
    public async Task GetTopics_BrokerDown_ReturnsLastKnownWithoutThrowing()
    {
        var known = _inspector.GetTopics();
        _cluster.SetAllBrokersDown();

        _time.Advance(TimeSpan.FromSeconds(3));
        var whileDown = _inspector.GetTopics();
        await Eventually.TrueAsync(() => _inspector.LastError is not null, "the background refresh to fail");
        _time.Advance(TimeSpan.FromSeconds(3));
        var afterFailure = _inspector.GetTopics();

        Assert.Single(known);
        Assert.Equal(known, whileDown);
        Assert.Equal(known, afterFailure);
    }

    public void Dispose()
    {
        _inspector.Dispose();
        _cluster.Dispose();
    }
}
