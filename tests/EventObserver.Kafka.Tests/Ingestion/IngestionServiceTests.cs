using System.Text;
using EventObserver.Core.Envelopes;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Ingestion;
using EventObserver.Kafka.Tests.Support;
using EventObserver.TestSupport;

namespace EventObserver.Kafka.Tests.Ingestion;

public sealed class IngestionServiceTests(MockClusterFixture kafka) : IClassFixture<MockClusterFixture>, IDisposable
{
    private readonly TestIndexes _indexes = new();
    private readonly TestProducer _producer = new(kafka.BootstrapServers);

    [Theory]
    [InlineData(PartitionAssignment.Manual)]
    [InlineData(PartitionAssignment.Group)]
    public async Task AllTopics_TopicCreatedAfterStart_IsIngestedExactlyOnce(PartitionAssignment assignment)
    {
        var first = kafka.CreateTopic($"all-first-{assignment}".ToLowerInvariant(), partitions: 3);
        _producer.SendMany(first, 50);
        var options = IngestionHarness.Options(kafka.BootstrapServers, o => o.Assignment = assignment);
        await using var ingestion = await IngestionHarness.StartAsync(options, _indexes.Open);
        await Eventually.TrueAsync(() => ingestion.Count(first) == 50, "the first topic to be indexed");

        var later = kafka.CreateTopic($"all-later-{assignment}".ToLowerInvariant(), partitions: 2);
        _producer.SendMany(later, 20);

        await Eventually.TrueAsync(() => ingestion.Count(later) == 20, "the topic created after start to be indexed", TimeSpan.FromSeconds(18));
        ingestion.Index.HoldsExactlyOnce(first, 50);
        ingestion.Index.HoldsExactlyOnce(later, 20);
    }

    [Fact]
    public async Task DefaultFilter_InternalTopic_IsSkipped()
    {
        var visible = kafka.CreateTopic("visible");
        var internalTopic = kafka.CreateTopic("_internal");
        _producer.SendMany(internalTopic, 10);
        _producer.SendMany(visible, 10);
        await using var ingestion = await IngestionHarness.StartAsync(IngestionHarness.Options(kafka.BootstrapServers), _indexes.Open);

        await Eventually.TrueAsync(() => ingestion.Count(visible) == 10, "the visible topic to be indexed");

        Assert.Equal(0, ingestion.Count(internalTopic));
    }

    [Fact]
    public async Task ExcludePattern_MatchingTopic_IsSkipped()
    {
        var kept = kafka.CreateTopic("filter-kept");
        var skipped = kafka.CreateTopic("filter-skipped") + ".skip";
        kafka.Cluster.CreateTopic(skipped, 1);
        var internalTopic = kafka.CreateTopic("_filter-internal");
        _producer.SendMany(skipped, 10);
        _producer.SendMany(internalTopic, 10);
        _producer.SendMany(kept, 10);
        var options = IngestionHarness.Options(kafka.BootstrapServers, o => o.ExcludeTopics = ["^_", @"\.skip$"]);
        await using var ingestion = await IngestionHarness.StartAsync(options, _indexes.Open);

        await Eventually.TrueAsync(() => ingestion.Count(kept) == 10, "the kept topic to be indexed");

        Assert.Equal(0, ingestion.Count(skipped));
        Assert.Equal(0, ingestion.Count(internalTopic));
    }

    [Fact]
    public async Task IncludePattern_OnlyMatchingTopics_AreIngested()
    {
        var prefix = MockClusterFixture.UniqueTopic("inc");
        var wanted = prefix + ".orders";
        var other = prefix + ".payments";
        kafka.Cluster.CreateTopic(wanted, 1);
        kafka.Cluster.CreateTopic(other, 1);
        _producer.SendMany(other, 5);
        _producer.SendMany(wanted, 5);
        var options = IngestionHarness.Options(kafka.BootstrapServers, o => o.IncludeTopics = [@"\.orders$"]);
        await using var ingestion = await IngestionHarness.StartAsync(options, _indexes.Open);

        await Eventually.TrueAsync(() => ingestion.Count(wanted) == 5, "the included topic to be indexed");

        Assert.Equal(0, ingestion.Count(other));
    }

    [Fact]
    public async Task BinaryKeyHeadersAndValue_AreKeptByteExact()
    {
        var topic = kafka.CreateTopic("binary");
        var value = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var key = new byte[] { 0x00, 0xFF, 0xFE, 0x80 };
        var headerBytes = new byte[] { 0xDE, 0xAD, 0x00, 0xBE, 0xEF };
        var sent = _producer.Send(topic, key, value, ("bin", headerBytes), ("dup", Encoding.UTF8.GetBytes("one")), ("null", null), ("dup", Encoding.UTF8.GetBytes("two")));
        await using var ingestion = await IngestionHarness.StartAsync(IngestionHarness.Options(kafka.BootstrapServers), _indexes.Open);

        await Eventually.TrueAsync(() => ingestion.Count(topic) == 1, "the binary record to be indexed");

        var stored = ingestion.Index.Get(topic, sent.Partition.Value, sent.Offset.Value);
        Assert.NotNull(stored);
        Assert.Equal(value, stored.Payload);
        Assert.Equal(key, stored.KeyBytes);
        Assert.Equal(["bin", "dup", "null", "dup"], stored.Headers.Select(h => h.Key));
        Assert.Equal(headerBytes, stored.Headers[0].Value);
        Assert.Equal("one"u8.ToArray(), stored.Headers[1].Value);
        Assert.Null(stored.Headers[2].Value);
        Assert.Equal("two"u8.ToArray(), stored.Headers[3].Value);
    }

    [Fact]
    public async Task OneMegabyteMessage_IsIndexedWhole()
    {
        var topic = kafka.CreateTopic("large");
        var value = new byte[1024 * 1024];
        new Random(42).NextBytes(value);
        var sent = _producer.Send(topic, "big"u8.ToArray(), value);
        _producer.Send(topic, "after", "{\"small\":true}");
        await using var ingestion = await IngestionHarness.StartAsync(IngestionHarness.Options(kafka.BootstrapServers), _indexes.Open);

        await Eventually.TrueAsync(() => ingestion.Count(topic) == 2, "the 1 MB record and the one after it to be indexed");

        Assert.Equal(value, ingestion.Index.Get(topic, sent.Partition.Value, sent.Offset.Value)!.Payload);
    }

    [Fact]
    public async Task Tombstone_IsIndexedWithKeyAndNoPayload()
    {
        var topic = kafka.CreateTopic("tombstone");
        var sent = _producer.Send(topic, "order-42", null);
        await using var ingestion = await IngestionHarness.StartAsync(IngestionHarness.Options(kafka.BootstrapServers), _indexes.Open);

        await Eventually.TrueAsync(() => ingestion.Count(topic) == 1, "the tombstone to be indexed");

        var stored = ingestion.Index.Get(topic, sent.Partition.Value, sent.Offset.Value)!;
        Assert.Equal(PayloadFormat.Tombstone, stored.PayloadFormat);
        Assert.Null(stored.Payload);
        Assert.Equal("order-42"u8.ToArray(), stored.KeyBytes);
    }

    [Fact]
    public async Task Status_AfterIngesting_ReportsClusterRatesAndNoLag()
    {
        var topic = kafka.CreateTopic("status", partitions: 2);
        _producer.SendMany(topic, 40);
        await using var ingestion = await IngestionHarness.StartAsync(IngestionHarness.Options(kafka.BootstrapServers), _indexes.Open);

        await Eventually.TrueAsync(() => ingestion.Count(topic) == 40, "the topic to be indexed");
        await Eventually.TrueAsync(() => ingestion.Status.LagByTopic.TryGetValue(topic, out var lag) && lag == 0, "the lag of the topic to be reported as 0");

        Assert.Equal(BrokerState.Connected, ingestion.Status.BrokerState);
        Assert.StartsWith("mockCluster", ingestion.Status.ClusterId);
        Assert.Equal(ingestion.Status.ClusterId, ingestion.Index.ClusterId);
        Assert.True(ingestion.Status.ConsumedTotal >= 40);
        Assert.NotNull(ingestion.Status.LastBatchAt);
    }

    [Fact]
    public async Task InvalidExcludePattern_DoesNotCrash_AndNamesTheSetting()
    {
        var options = IngestionHarness.Options(kafka.BootstrapServers, o => o.ExcludeTopics = ["(unclosed"]);
        await using var ingestion = await IngestionHarness.StartAsync(options, _indexes.Open);

        await Eventually.TrueAsync(() => ingestion.Status.LastError is not null, "the configuration error to be reported");

        Assert.Contains("ExcludeTopics[0]", ingestion.Status.LastError);
        Assert.False(ingestion.HasIndex);
    }

    public void Dispose()
    {
        _producer.Dispose();
        _indexes.Dispose();
    }
}
