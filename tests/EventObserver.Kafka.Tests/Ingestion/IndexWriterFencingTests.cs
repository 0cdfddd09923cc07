using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Kafka.Tests.Ingestion;

/// <summary>A write refused because another observer owns some partitions now: the rest of the batch is written at once.</summary>
public sealed class IndexWriterFencingTests
{
    private static readonly TopicPartitionKey Lost = new("orders", 1);

    [Fact]
    public void FencedPartition_RestOfTheBatchIsWrittenAndObserved_LostPartitionDroppedAndCounted()
    {
        // Arrange
        var index = new FencingWriter(Lost);
        var observer = new Observer();
        var status = new IngestionStatus(TimeProvider.System);
        var writer = new IndexWriter(index, new Dictionary<TopicPartitionKey, long>(), status, [observer], TimeProvider.System, NullLogger.Instance);
        writer.Start();
        var gaps = new List<RetentionGap>
        {
            new("orders", 1, 0, 4, DateTimeOffset.UnixEpoch),
            new("orders", 0, 0, 1, DateTimeOffset.UnixEpoch),
        };

        // Act
        Assert.True(writer.TryPost(new IngestBatch([.. Events(0, 3), .. Events(1, 4)], gaps), TimeSpan.FromSeconds(10)));
        writer.CompleteAndWait();

        // Assert: one refused attempt, then the kept partition alone, with its own gap; no retry delay in between.
        Assert.Equal([7, 3], index.Attempts.Select(a => a.Events));
        Assert.Equal(["orders/0"], index.Attempts[^1].Gaps);
        Assert.All(Assert.Single(observer.Batches), e => Assert.Equal(0, e.Partition));
        Assert.Equal(4, status.FencedEvents);
        Assert.Null(status.LastError);
    }

    [Fact]
    public void FencedEveryPartition_NothingWrittenNorObserved_WriterGoesOn()
    {
        var index = new FencingWriter(Lost);
        var observer = new Observer();
        var status = new IngestionStatus(TimeProvider.System);
        var writer = new IndexWriter(index, new Dictionary<TopicPartitionKey, long>(), status, [observer], TimeProvider.System, NullLogger.Instance);
        writer.Start();

        Assert.True(writer.TryPost(new IngestBatch(Events(1, 5), []), TimeSpan.FromSeconds(10)));
        Assert.True(writer.TryPost(new IngestBatch(Events(0, 2), []), TimeSpan.FromSeconds(10)));
        writer.CompleteAndWait();

        Assert.Equal([5, 2], index.Attempts.Select(a => a.Events));
        Assert.Equal(0, Assert.Single(observer.Batches)[0].Partition);
        Assert.Equal(5, status.FencedEvents);
    }

    private static List<EventEnvelope> Events(int partition, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new EventEnvelope
        {
            Topic = "orders", Partition = partition, Offset = 10 + i, TimestampMs = 1_704_110_400_000 + i, MessageId = $"{partition}/{i}",
        })];

    /// <summary>Refuses every write that touches <paramref name="lost"/>, as the shared index does after a takeover.</summary>
    private sealed class FencingWriter(TopicPartitionKey lost) : IEventWriter
    {
        public List<(int Events, List<string> Gaps)> Attempts { get; } = [];

        public int Write(IReadOnlyList<EventEnvelope> batch, IReadOnlyList<RetentionGap> gaps)
        {
            Attempts.Add((batch.Count, [.. gaps.Select(g => $"{g.Topic}/{g.Partition}")]));
            if (batch.Any(e => e.Topic == lost.Topic && e.Partition == lost.Partition) || gaps.Any(g => g.Topic == lost.Topic && g.Partition == lost.Partition))
            {
                throw new PartitionFencedException([lost]);
            }

            return batch.Count;
        }
    }

    private sealed class Observer : ICommittedBatchObserver
    {
        public List<IReadOnlyList<EventEnvelope>> Batches { get; } = [];

        public void OnCommitted(IReadOnlyList<EventEnvelope> batch) => Batches.Add(batch);
    }
}
