using Confluent.Kafka;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Embedded;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.EndToEnd.Tests.Resilience;

/// <summary>
/// The acceptance test of the index's promise: kill -9 the app during ingestion, with the broker living
/// outside it, start it again, and every produced message is in the index exactly once.
/// </summary>
public sealed class ProcessKillTests
{
    private const int Partitions = 4;

    [Fact]
    public async Task App_SigkilledDuringIngestion_IndexHoldsEveryMessageExactlyOnceAfterRestart()
    {
        // Arrange: a broker outside the app, a backlog, and a producer that keeps sending while the app runs.
        using var cluster = new MockKafkaCluster(brokers: 1);
        var topic = MockClusterFixture.UniqueTopic("kill9");
        cluster.CreateTopic(topic, Partitions);
        using var temp = new TempDirectory("eventobserver-kill9");
        var storagePath = temp.File("index.db");
        using var producer = new TestProducer(cluster.BootstrapServers);
        // A backlog the app needs seconds for (it indexes about 30,000/s): with 20,000 it once had indexed everything,
        // the later stream included, before the kill came.
        const int backlog = 100_000;
        producer.SendMany(topic, backlog);
        var produced = backlog;

        int producedAtKill;
        await using (var first = await AppProcess.StartAsync(cluster.BootstrapServers, storagePath))
        {
            await first.WaitForIndexedAsync(n => n > 0, TimeSpan.FromSeconds(60), "the first indexed batch");

            // Act: keep the stream flowing, then SIGKILL in the middle of it; the flush makes every message counted so
            // far readable by the app before the kill.
            for (var round = 0; round < 10; round++)
            {
                producer.Enqueue(topic, 1_000, start: produced);
                produced += 1_000;
                await Task.Delay(20);
            }

            producer.Flush();
            producedAtKill = produced;
            first.Kill();
        }

        // What the index held at the kill: the file as the dead process left it (read before the restart adds more).
        var indexedWhenKilled = IndexedTotal(storagePath);

        producer.Enqueue(topic, 5_000, start: produced);
        produced += 5_000;
        producer.Flush();

        await using (var second = await AppProcess.StartAsync(cluster.BootstrapServers, storagePath))
        {
            await second.WaitForIndexedAsync(n => n >= produced, TimeSpan.FromSeconds(90), $"all {produced} messages indexed");
            second.Kill();
        }

        // Assert: the kill really interrupted ingestion (some, not all, of what was in the broker then was indexed),
        // and the index holds each position once, without gaps.
        Assert.InRange(indexedWhenKilled, 1, producedAtKill - 1);
        using var provider = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = storagePath, MaxEvents = null, MaxAge = null }),
            NullLogger<EventIndexProvider>.Instance,
            TimeProvider.System);
        var index = provider.Current ?? throw new InvalidOperationException("the index file did not reopen");
        Assert.Equal(produced, index.GetStatistics().TotalEvents);

        var checkpoints = index.GetCheckpoints();
        var watermarks = HighWatermarks(cluster.BootstrapServers, topic);
        Assert.Equal(produced, watermarks.Values.Sum());
        foreach (var (partition, high) in watermarks)
        {
            Assert.Equal(high, checkpoints[new TopicPartitionKey(topic, partition)]);
            Assert.NotNull(index.Get(topic, partition, 0));
            Assert.NotNull(index.Get(topic, partition, high - 1));
        }
    }

    private static long IndexedTotal(string storagePath)
    {
        using var provider = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = storagePath, MaxEvents = null, MaxAge = null }),
            NullLogger<EventIndexProvider>.Instance,
            TimeProvider.System);
        var index = provider.Current ?? throw new InvalidOperationException("the index file did not reopen after the kill");
        return index.GetStatistics().TotalEvents;
    }

    private static Dictionary<int, long> HighWatermarks(string bootstrapServers, string topic)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "kill9-watermarks",
        }).Build();
        var result = new Dictionary<int, long>();
        for (var partition = 0; partition < Partitions; partition++)
        {
            var offsets = consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(10));
            result[partition] = offsets.High.Value;
        }

        return result;
    }
}
