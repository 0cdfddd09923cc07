using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Kafka.Tests.Ingestion;

/// <summary>A bounded shutdown: the commit in progress finishes, queued batches past the drain time are left uncommitted.</summary>
public sealed class IndexWriterShutdownTests
{
    [Fact]
    public async Task CompleteAndWait_DrainOver_FinishesTheCommitInProgressAndAbandonsTheQueuedBatches()
    {
        using var index = new GatedWriter();
        var writer = new IndexWriter(index, new Dictionary<TopicPartitionKey, long>(), new IngestionStatus(TimeProvider.System), [],
            TimeProvider.System, NullLogger.Instance);
        writer.Start();
        Assert.True(writer.TryPost(Batch(0, 3), TimeSpan.FromSeconds(10)));
        Assert.True(index.Entered.Wait(TimeSpan.FromSeconds(30)), "the first commit never started");
        Assert.True(writer.TryPost(Batch(3, 4), TimeSpan.FromSeconds(10)));
        Assert.True(writer.TryPost(Batch(7, 5), TimeSpan.FromSeconds(10)));

        var stopping = Task.Run(() => writer.CompleteAndWait(TimeSpan.Zero));
        Assert.True(SpinWait.SpinUntil(() => writer.IsStopping, TimeSpan.FromSeconds(30)), "the writer was not told to stop");
        index.Release.Set();
        var abandoned = await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(9, abandoned);
        Assert.Equal([3], index.Written);
        Assert.Equal(3, writer.Written[new TopicPartitionKey("orders", 0)]);
    }

    [Fact]
    public void CompleteAndWait_WithinTheDrainTime_WritesEveryQueuedBatch()
    {
        using var index = new GatedWriter();
        index.Release.Set();
        var writer = new IndexWriter(index, new Dictionary<TopicPartitionKey, long>(), new IngestionStatus(TimeProvider.System), [],
            TimeProvider.System, NullLogger.Instance);
        writer.Start();
        Assert.True(writer.TryPost(Batch(0, 3), TimeSpan.FromSeconds(10)));
        Assert.True(writer.TryPost(Batch(3, 4), TimeSpan.FromSeconds(10)));

        var abandoned = writer.CompleteAndWait(TimeSpan.FromMinutes(5));

        Assert.Equal(0, abandoned);
        Assert.Equal([3, 4], index.Written);
    }

    private static IngestBatch Batch(int first, int count) => new(
    [
        .. Enumerable.Range(first, count).Select(i => new EventEnvelope
        {
            Topic = "orders",
            Partition = 0,
            Offset = i,
            TimestampMs = 1_704_110_400_000 + i,
            MessageId = $"orders/0/{i}",
        }),
    ], []);

    /// <summary>Holds every write until released, so a test can stop the writer while a commit is in progress.</summary>
    private sealed class GatedWriter : IEventWriter, IDisposable
    {
        public ManualResetEventSlim Entered { get; } = new();
        public ManualResetEventSlim Release { get; } = new();
        public List<int> Written { get; } = [];

        public int Write(IReadOnlyList<EventEnvelope> batch, IReadOnlyList<RetentionGap> gaps)
        {
            Entered.Set();
            Release.Wait();
            Written.Add(batch.Count);
            return batch.Count;
        }

        public void Dispose()
        {
            Entered.Dispose();
            Release.Dispose();
        }
    }
}
