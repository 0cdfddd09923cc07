using System.Diagnostics;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Tests.Support;
using EventObserver.TestSupport;

namespace EventObserver.Kafka.Tests.Ingestion;

/// <summary>
/// The broker deletes data ingestion has not read (issue 19). The mock cluster keeps about 5 MiB per partition, so a
/// few megabytes of large messages push the oldest ones out.
/// </summary>
public sealed class RetentionGapIngestionTests(MockClusterFixture kafka) : IClassFixture<MockClusterFixture>, IDisposable
{
    private const int Large = 200 * 1024;
    private readonly TestIndexes _indexes = new();
    private readonly PartitionProducer _producer = new(kafka.BootstrapServers);

    [Theory]
    [InlineData(StartPosition.Earliest)]
    [InlineData(StartPosition.Latest)] // StartFrom is for partitions never seen; a known one never skips to the end
    public async Task Restart_AfterProducingPastRetention_ResumesAtTheLogStartAndRecordsExactGaps(StartPosition startFrom)
    {
        var topic = kafka.CreateTopic("gap-restart", partitions: 3);
        for (var p = 0; p < 3; p++)
        {
            _producer.Send(topic, p, 10, 100);
        }

        await using (var first = await IngestionHarness.StartAsync(IngestionHarness.Options(kafka.BootstrapServers), _indexes.Open))
        {
            await Eventually.TrueAsync(() => first.Count(topic) == 30, "the first run to index every partition");
        }

        _indexes.Release();
        _producer.Send(topic, 0, 40, Large);
        _producer.Send(topic, 1, 30, Large);
        _producer.Send(topic, 2, 5, 100);
        var marks = Enumerable.Range(0, 3).Select(p => _producer.Watermarks(topic, p)).ToArray();
        Assert.True(marks[0].Low > 10 && marks[1].Low > 10 && marks[2].Low == 0, "the mock trimmed partitions 0 and 1 only");

        await using var second = await IngestionHarness.StartAsync(IngestionHarness.Options(kafka.BootstrapServers, o => o.StartFrom = startFrom), _indexes.Open);

        var expected = 30 + (marks[0].High - marks[0].Low) + (marks[1].High - marks[1].Low) + 5;
        await Eventually.TrueAsync(() => second.Count(topic) == expected, "the second run to index what the broker still has");
        var gaps = second.Index.GetRetentionGaps(topic).OrderBy(g => g.Partition).Select(g => (g.Partition, g.FirstOffset, g.LastOffset)).ToList();
        Assert.Equal([(0, 10L, marks[0].Low.Value - 1), (1, 10L, marks[1].Low.Value - 1)], gaps);
        var indexed = second.Index.CoversExactlyOnce(topic);
        Assert.Equal(15, indexed[2]);
        Assert.Equal(marks.Select(m => m.High.Value), Enumerable.Range(0, 3).Select(p => second.Index.GetCheckpoints()[new(topic, p)]));
        Assert.Equal(marks[0].Low + marks[1].Low - 20, second.Index.GetStatistics().MessagesLost);
    }

    [Fact]
    public async Task Overload_ProductionOutrunsIndexing_KeepsIndexingRecordsGapsAndCatchesUp()
    {
        // Scaled down from the issue's 60 s: 20 s of production at three times the index's rate, with 32 KB messages
        // so the mock's retention (5 MiB per partition) holds only about three seconds of it; then a trickle. The
        // consumer's prefetch is made small too, or its 32 MB would absorb half of the overload.
        const int Bytes = 32 * 1024;
        var topic = kafka.CreateTopic("gap-overload", partitions: 2);
        ThrottledIndex? throttled = null;
        var options = IngestionHarness.Options(kafka.BootstrapServers, o =>
        {
            o.Client["queued.max.messages.kbytes"] = "1024";
            o.Client["fetch.max.bytes"] = "1048576";
            o.Client["max.partition.fetch.bytes"] = "262144";
        });
        await using var ingestion = await IngestionHarness.StartAsync(
            options,
            id => throttled = new ThrottledIndex(_indexes.Open(id)) { EventsPerSecond = 30 });
        await Eventually.TrueAsync(() => throttled is not null, "the index to be opened");

        var clock = Stopwatch.StartNew();
        var sent = 0;
        var progress = new List<long>();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            for (; sent < clock.Elapsed.TotalSeconds * 50; sent++)
            {
                _producer.Enqueue(topic, 0, 1, Bytes);
                _producer.Enqueue(topic, 1, 1, Bytes);
            }

            if (clock.Elapsed.TotalSeconds >= progress.Count + 1)
            {
                progress.Add(ingestion.Count(topic));
            }

            await Task.Delay(20);
        }

        _producer.Flush();
        var degraded = ingestion.Status.Watchdog.Evaluate(brokerConnected: true);
        throttled!.EventsPerSecond = int.MaxValue;
        for (var i = 0; i < 10; i++)
        {
            _producer.Send(topic, i % 2, 1, Bytes);
            await Task.Delay(500);
        }

        var ends = Enumerable.Range(0, 2).Select(p => _producer.Watermarks(topic, p).High.Value).ToArray();
        await Eventually.TrueAsync(
            () => ingestion.Index.GetCheckpoints().TryGetValue(new(topic, 0), out var c0) && c0 == ends[0]
                && ingestion.Index.GetCheckpoints().TryGetValue(new(topic, 1), out var c1) && c1 == ends[1],
            "ingestion to catch up to the end of both partitions",
            TimeSpan.FromSeconds(30));

        // Never stopped: every 2 s of the overload indexed something.
        Assert.All(Enumerable.Range(3, progress.Count - 3), i => Assert.True(progress[i] > progress[i - 2], $"nothing indexed in the 2 s before {i} s: {string.Join(",", progress)}"));
        Assert.NotEmpty(ingestion.Index.GetRetentionGaps(topic));
        ingestion.Index.CoversExactlyOnce(topic);
        Assert.Contains(degraded.Reasons, r => r.Contains("deleted by the broker before they were indexed", StringComparison.Ordinal));
        Assert.Equal(0, ingestion.Status.SkippedOffsets);
    }

    public void Dispose()
    {
        _producer.Dispose();
        _indexes.Dispose();
    }
}
