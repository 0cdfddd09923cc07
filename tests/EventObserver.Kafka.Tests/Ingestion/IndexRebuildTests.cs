using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Ingestion;
using EventObserver.Kafka.Tests.Support;
using EventObserver.TestSupport;

namespace EventObserver.Kafka.Tests.Ingestion;

/// <summary>A damaged or replaced index is rebuilt from the earliest offsets the mock cluster still has.</summary>
public sealed class IndexRebuildTests(MockClusterFixture kafka) : IClassFixture<MockClusterFixture>, IDisposable
{
    private const int Produced = 600;
    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromSeconds(40);
    private readonly TestIndexes _indexes = new();
    private readonly TestProducer _producer = new(kafka.BootstrapServers);

    public void Dispose()
    {
        _producer.Dispose();
        _indexes.Dispose();
    }

    public static TheoryData<string> Damages => ["truncated", "garbage-header", "broken-chunk"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Restart_DamagedIndex_RebuildsTheSameEventsFromEarliestWithMonotonicProgress(string damage)
    {
        var topic = kafka.CreateTopic("rebuild-" + damage, partitions: 3);
        _producer.SendMany(topic, Produced);
        await using (var first = await IngestionHarness.StartAsync(IngestionHarness.Options(kafka.BootstrapServers), _indexes.Open))
        {
            await Eventually.TrueAsync(() => first.Count(topic) == Produced, "the first ingestion to index every message");
        }

        _indexes.Release();
        Damage(damage);

        // Latest would skip everything already on the topics: a rebuild must not.
        var options = IngestionHarness.Options(kafka.BootstrapServers, o => o.StartFrom = StartPosition.Latest);
        var provider = _indexes.Provider;
        await using var second = await IngestionHarness.StartAsync(options, _indexes.Open, rebuilds: provider);
        var percents = new List<int>();

        await Eventually.TrueAsync(
            () => second.Status.Rebuild is { Finished: true } && second.Count(topic) == Produced,
            () => percents.Add(second.Status.Rebuild?.Percent ?? 0),
            "the rebuild to finish with every message",
            RebuildTimeout);

        second.Index.HoldsExactlyOnce(topic, Produced);
        Assert.Contains("rebuilding from Kafka", provider.LastSwitch?.Reason, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(_indexes.IndexPath)!, "archive"), "index-corrupt-*.db"));
        Assert.Equal(100, second.Status.Rebuild!.Percent);
        Assert.Equal(percents.Order(), percents);
        Assert.False(provider.IsRebuilding(second.Index));
    }

    [Fact]
    public async Task Rebuild_WhileIngesting_StartsOverOnTheNewIndexWithoutRestart()
    {
        var topic = kafka.CreateTopic("rebuild-live", partitions: 2);
        _producer.SendMany(topic, Produced);
        var provider = _indexes.Provider;
        await using var ingestion = await IngestionHarness.StartAsync(IngestionHarness.Options(kafka.BootstrapServers), _indexes.Open, rebuilds: provider);
        await Eventually.TrueAsync(() => ingestion.Count(topic) == Produced, "the first ingestion to index every message");
        var before = ingestion.Index;

        provider.Rebuild("test");
        _producer.SendMany(topic, 50, start: Produced);

        await Eventually.TrueAsync(
            () => ingestion.Status.Rebuild is { Finished: true } && !ReferenceEquals(before, ingestion.Index) && ingestion.Count(topic) == Produced + 50,
            "ingestion to fill the new index with every message",
            RebuildTimeout);
        ingestion.Index.HoldsExactlyOnce(topic, Produced + 50);
        Assert.Same(provider.Current, ingestion.Index);
    }

    private void Damage(string damage)
    {
        switch (damage)
        {
            case "truncated":
                IndexDamage.Truncate(_indexes.IndexPath);
                break;
            case "garbage-header":
                IndexDamage.GarbleHeader(_indexes.IndexPath);
                break;
            default:
                IndexDamage.BreakChunk(_indexes.IndexPath);
                break;
        }
    }
}
