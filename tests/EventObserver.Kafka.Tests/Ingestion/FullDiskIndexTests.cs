using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Tests.Ingestion;

/// <summary>
/// What LiteDB does when the disk fills, on a real tmpfs: a 4 MB one fills while the log grows (the commit fails), a
/// 12 MB one while a checkpoint copies the 8 MB log into the file (after the commit reached the log). Either way the
/// failed instance refuses further writes, the provider reopens it, reads work, and once space returns the retried
/// batch is stored exactly once.
/// </summary>
public sealed class FullDiskIndexTests
{
    private const int BatchSize = 200;

    [TmpfsFact]
    public void LogFillsTheDisk_ReopenedIndex_ReadsAndResumesExactlyOnce() => FillReopenResume(4);

    [TmpfsFact]
    public void CheckpointFillsTheDisk_ReopenedIndex_CountsTheLoggedBatchOnce() => FillReopenResume(12);

    private static void FillReopenResume(int megabytes)
    {
        using var disk = new TmpfsMount(megabytes);
        using var provider = new EventIndexProvider(
            Options.Create(new StorageOptions { Path = disk.File("index.db"), MaxEvents = null, MaxAge = null, ChunkCacheMegabytes = 0 }),
            NullLogger<EventIndexProvider>.Instance,
            TimeProvider.System);
        var index = provider.OpenForCluster("c1");
        long next = 0;
        Exception? failure = null;
        List<EventEnvelope> failed = [];
        while (failure is null)
        {
            failed = Batch(next);
            try
            {
                index.Write(failed);
                next += BatchSize;
            }
            catch (IOException e)
            {
                failure = e;
            }
        }

        Assert.True(DiskSpace.IsFull(failure));
        Assert.True(DiskSpace.IsFull(Assert.ThrowsAny<IOException>(() => index.Write(failed))));

        var reopened = provider.OpenForCluster("c1");

        Assert.NotSame(index, reopened);
        Assert.Equal(5, reopened.Get("orders", 0, 5)!.Offset);
        var committed = reopened.GetCheckpoints()[new TopicPartitionKey("orders", 0)];
        Assert.True(committed == next || committed == next + BatchSize, $"checkpoint {committed}, written {next}");
        Assert.Equal(committed, reopened.GetStatistics().TotalEvents);

        disk.Resize(64);
        reopened.Write(failed);
        for (var i = 1; i <= 5; i++)
        {
            reopened.Write(Batch(next + (i * BatchSize)));
        }

        var total = next + (6 * BatchSize);
        var offsets = reopened.ReadOldestFirst(new EventRange { Selection = new Core.Selection.EventSelection { Topics = ["orders"] } })
            .Select(e => e.Offset).ToList();
        Assert.Equal(Enumerable.Range(0, (int)total).Select(i => (long)i), offsets.Order());
        Assert.Equal(total, reopened.GetCheckpoints()[new TopicPartitionKey("orders", 0)]);
    }

    private static List<EventEnvelope> Batch(long from)
    {
        var random = new Random((int)from);
        return [.. Enumerable.Range(0, BatchSize).Select(i =>
        {
            var payload = new byte[600];
            random.NextBytes(payload);
            return new EventEnvelope
            {
                Topic = "orders",
                Partition = 0,
                Offset = from + i,
                TimestampMs = 1_760_000_000_000 + from + i,
                MessageId = $"orders/0/{from + i}",
                Payload = payload,
                PayloadFormat = PayloadFormat.Binary,
            };
        })];
    }
}
