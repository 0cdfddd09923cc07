using Confluent.Kafka;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Embedded;
using EventObserver.Kafka.Ingestion;
using EventObserver.Kafka.Tests.Support;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Tests.Ingestion;

/// <summary>
/// Issue 13: the index on a real, small file system (an 8 MB tmpfs) that fills during ingestion. Ingestion pauses with
/// the reason, reads go on, and once the file system grows every message is indexed exactly once.
/// </summary>
public sealed class FullDiskIngestionTests : IDisposable
{
    private const int Partitions = 3;
    private const int PerPartition = 3000;
    private const int Produced = Partitions * PerPartition;
    private const int PayloadBytes = 1024;

    private readonly MockKafkaCluster _cluster = new(brokers: 1);
    private readonly TmpfsMount? _disk = TmpfsMount.SkipReason is null ? new TmpfsMount(8) : null;
    private EventIndexProvider? _provider;

    [TmpfsFact]
    public async Task IndexOnFullDisk_Pauses_ReadsGoOn_AndResumesExactlyOnceWhenSpaceReturns()
    {
        var disk = _disk!;
        var topic = MockClusterFixture.UniqueTopic("fulldisk");
        _cluster.CreateTopic(topic, Partitions);
        Produce(topic);
        _provider = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = disk.File("index.db"), MaxEvents = null, MaxAge = null }),
            NullLogger<EventIndexProvider>.Instance,
            TimeProvider.System);
        await using var ingestion = await IngestionHarness.StartAsync(IngestionHarness.Options(_cluster.BootstrapServers), _provider.OpenForCluster);

        var pause = await Eventually.MatchAsync(() => ingestion.Status.WritePause, p => p is not null, "index writes to pause on the full disk", TimeSpan.FromSeconds(90));

        Assert.StartsWith("disk full: ", pause!.Reason, StringComparison.Ordinal);
        Assert.Contains($"MB free on {disk.Path}", pause.Reason, StringComparison.Ordinal);
        var indexed = ingestion.Count(topic);
        Assert.InRange(indexed, 1, Produced - 1);
        // Positions stay where the index is: nothing past what was written counts as indexed.
        var checkpoints = ingestion.Index.GetCheckpoints().Where(c => c.Key.Topic == topic).ToList();
        Assert.Equal(indexed, checkpoints.Sum(c => c.Value));
        // Reads of what is indexed work while paused (on the index reopened after the failed write). The disk may fill
        // before every partition got a batch in, so read the first event of a partition that did.
        var written = checkpoints.First(c => c.Value > 0).Key.Partition;
        var first = ingestion.Index.Get(topic, written, 0);
        Assert.NotNull(first);
        Assert.Equal(Payload(written, 0), first.Payload);
        Assert.True(ingestion.Index.Query(new Core.Selection.EventSelection { Topics = [topic], Limit = 10 }).Count > 0);
        // Still stopped short a while later, retried slowly (every 5 s), not spinning and not giving up. A retry may write
        // a small batch into space the reopened file gave back (the pause then ends and starts again), so what must hold
        // is that ingestion cannot finish and a pause is there, retried, afterwards.
        await Eventually.HoldsAsync(() => ingestion.Count(topic) < Produced, "ingestion stays short of the end while the disk is full", TimeSpan.FromSeconds(6));
        var during = (await Eventually.MatchAsync(
            () => ingestion.Status.WritePause, p => p is { Attempts: >= 2 }, "the paused writes to be retried", TimeSpan.FromSeconds(30)))!;
        var pausedSeconds = (DateTimeOffset.UtcNow - during.Since).TotalSeconds;
        Assert.InRange(during.Attempts, 2, (int)(pausedSeconds / IndexWriter.PausedRetryDelay.TotalSeconds) + 2);

        disk.Resize(96);

        await Eventually.TrueAsync(() => ingestion.Count(topic) == Produced, "every message to be indexed once space returned", TimeSpan.FromSeconds(90));
        // The writer clears its pause just after the commit the count already sees.
        await Eventually.TrueAsync(() => ingestion.Status.WritePause is null, "the pause to end once the writes got through", TimeSpan.FromSeconds(5));
        AssertExactlyOnce(ingestion.Index, topic);
    }

    public void Dispose()
    {
        _provider?.Dispose();
        _disk?.Dispose();
        _cluster.Dispose();
    }

    /// <summary>Every partition holds offsets 0..PerPartition-1 once, with the payload sent at that offset.</summary>
    private static void AssertExactlyOnce(IEventIndex index, string topic)
    {
        var events = index.ReadOldestFirst(new EventRange { Selection = new Core.Selection.EventSelection { Topics = [topic] } }).ToList();
        Assert.Equal(Produced, events.Count);
        Assert.Equal(Produced, index.GetStatistics().Topics[topic].Count);
        foreach (var partition in events.GroupBy(e => e.Partition))
        {
            Assert.Equal(Enumerable.Range(0, PerPartition).Select(i => (long)i), partition.Select(e => e.Offset).Order());
            Assert.All(partition, e => Assert.Equal(Payload(e.Partition, e.Offset), e.Payload));
        }

        Assert.All(index.GetCheckpoints().Where(c => c.Key.Topic == topic), c => Assert.Equal(PerPartition, c.Value));
    }

    // Random bytes do not compress: the index cannot shrink them to fit.
    private static byte[] Payload(int partition, long offset)
    {
        var bytes = new byte[PayloadBytes];
        new Random(HashCode.Combine(partition, offset)).NextBytes(bytes);
        return bytes;
    }

    private void Produce(string topic)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = _cluster.BootstrapServers, LingerMs = 5 })
            .SetLogHandler((_, _) => { })
            .Build();
        for (var partition = 0; partition < Partitions; partition++)
        {
            for (var offset = 0; offset < PerPartition; offset++)
            {
                producer.Produce(
                    new TopicPartition(topic, new Partition(partition)),
                    new Message<byte[], byte[]> { Key = BitConverter.GetBytes(offset), Value = Payload(partition, offset) });
            }
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60)));
    }
}
