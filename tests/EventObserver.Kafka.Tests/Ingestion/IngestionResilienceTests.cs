using EventObserver.Kafka.Embedded;
using EventObserver.Kafka.Ingestion;
using EventObserver.Kafka.Tests.Support;
using EventObserver.TestSupport;

namespace EventObserver.Kafka.Tests.Ingestion;

/// <summary>Outages and restarts; each test owns its cluster because it takes brokers down.</summary>
public sealed class IngestionResilienceTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new(brokers: 3);
    private readonly TestIndexes _indexes = new();
    private readonly TestProducer _producer;

    public IngestionResilienceTests() => _producer = new TestProducer(_cluster.BootstrapServers);

    [Fact]
    public async Task BrokersDownAndUp_MessagesProducedAroundTheOutage_AreIndexedExactlyOnce()
    {
        var topic = MockClusterFixture.UniqueTopic("outage");
        _cluster.CreateTopic(topic, 3);
        _producer.SendMany(topic, 100);
        await using var ingestion = await IngestionHarness.StartAsync(IngestionHarness.Options(_cluster.BootstrapServers), _indexes.Open);
        await Eventually.TrueAsync(() => ingestion.Count(topic) == 100, "the messages before the outage to be indexed");

        _cluster.SetAllBrokersDown();
        await Eventually.TrueAsync(() => ingestion.Status.BrokerState == BrokerState.Unreachable, "ingestion to report the cluster unreachable");
        _producer.Enqueue(topic, 100, start: 100);
        _cluster.SetAllBrokersUp();
        _producer.Flush();
        _producer.SendMany(topic, 100, start: 200);

        await Eventually.TrueAsync(() => ingestion.Count(topic) >= 300, "every message to be indexed after the outage", TimeSpan.FromSeconds(18));
        ingestion.Index.HoldsExactlyOnce(topic, 300);
        Assert.NotNull(ingestion.Status.LastError);
        await Eventually.TrueAsync(() => ingestion.Status.BrokerState == BrokerState.Connected, "ingestion to report the cluster connected again");
    }

    [Fact]
    public async Task Restart_OnTheSameIndex_ResumesFromTheCheckpointWithoutDuplicatesOrGaps()
    {
        var topic = MockClusterFixture.UniqueTopic("restart");
        _cluster.CreateTopic(topic, 2);
        _producer.SendMany(topic, 300);
        await using (var first = await IngestionHarness.StartAsync(IngestionHarness.Options(_cluster.BootstrapServers), _indexes.Open))
        {
            await Eventually.TrueAsync(() => first.Count(topic) == 300, "the first run to index everything");
        }

        _indexes.Release();
        _producer.SendMany(topic, 200, start: 300);
        // A new group id: nothing can come from Kafka's committed offsets, only from the index.
        await using var second = await IngestionHarness.StartAsync(IngestionHarness.Options(_cluster.BootstrapServers), _indexes.Open);

        await Eventually.TrueAsync(() => second.Count(topic) == 500, "the second run to index the new messages");
        second.Index.HoldsExactlyOnce(topic, 500);
        Assert.Equal(200, second.Status.ConsumedTotal);
    }

    [Fact]
    public async Task Stop_WhileBrokersAreDown_EndsTheServiceAndKeepsWhatWasIndexed()
    {
        var topic = MockClusterFixture.UniqueTopic("stop-down");
        _cluster.CreateTopic(topic, 2);
        _producer.SendMany(topic, 50);
        var ingestion = await IngestionHarness.StartAsync(IngestionHarness.Options(_cluster.BootstrapServers), _indexes.Open);
        await Eventually.TrueAsync(() => ingestion.Count(topic) == 50, "the messages to be indexed");
        _cluster.SetAllBrokersDown();
        await Eventually.TrueAsync(() => ingestion.Status.BrokerState == BrokerState.Unreachable, "ingestion to report the cluster unreachable");

        await ingestion.DisposeAsync();

        Assert.True(ingestion.Execution!.IsCompletedSuccessfully);
        Assert.Equal(50, ingestion.Index.GetStatistics().Topics[topic].Count);
        _cluster.SetAllBrokersUp();
    }

    public void Dispose()
    {
        _producer.Dispose();
        _indexes.Dispose();
        _cluster.Dispose();
    }
}
