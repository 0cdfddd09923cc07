using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Kafka.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventObserver.Kafka.Tests.Ingestion;

public sealed class IndexWriterTests
{
    private readonly List<string> _log = [];

    [Fact]
    public void CommittedBatch_Observers_HearItAfterTheWriteInRegistrationOrder()
    {
        var first = new Recorder("first", _log);
        var writer = Start(first, new Recorder("second", _log));
        var batch = Batch(3);

        WriteAndStop(writer, batch);

        Assert.Equal(["write 3", "first 3", "second 3"], _log);
        Assert.Same(batch, first.Received.Single());
        Assert.Equal(3, writer.Written[new TopicPartitionKey("orders", 0)]);
    }

    [Fact]
    public void ThrowingObserver_BatchIsWrittenOnce_AndLaterObserversStillHearIt()
    {
        var writer = Start(new Throwing(), new Recorder("after", _log));

        WriteAndStop(writer, Batch(2));

        Assert.Equal(["write 2", "after 2"], _log);
    }

    private IndexWriter Start(params ICommittedBatchObserver[] observers)
    {
        var writer = new IndexWriter(
            new RecordingWriter(_log), new Dictionary<TopicPartitionKey, long>(), new IngestionStatus(TimeProvider.System), observers,
            TimeProvider.System, NullLogger.Instance);
        writer.Start();
        return writer;
    }

    private static void WriteAndStop(IndexWriter writer, List<EventEnvelope> batch)
    {
        Assert.True(writer.TryPost(new IngestBatch(batch, []), TimeSpan.FromSeconds(10)));
        writer.CompleteAndWait();
    }

    private static List<EventEnvelope> Batch(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new EventEnvelope
        {
            Topic = "orders",
            Partition = 0,
            Offset = i,
            TimestampMs = 1_704_110_400_000 + i,
            MessageId = $"orders/0/{i}",
        }),
    ];

    // The log is written on the writer thread only and read after CompleteAndWait.
    private sealed class RecordingWriter(List<string> log) : IEventWriter
    {
        public int Write(IReadOnlyList<EventEnvelope> batch, IReadOnlyList<RetentionGap> gaps)
        {
            log.Add($"write {batch.Count}");
            return batch.Count;
        }
    }

    private sealed class Recorder(string name, List<string> log) : ICommittedBatchObserver
    {
        public List<IReadOnlyList<EventEnvelope>> Received { get; } = [];

        public void OnCommitted(IReadOnlyList<EventEnvelope> batch)
        {
            Received.Add(batch);
            log.Add($"{name} {batch.Count}");
        }
    }

    private sealed class Throwing : ICommittedBatchObserver
    {
        public void OnCommitted(IReadOnlyList<EventEnvelope> batch) => throw new InvalidOperationException("observer failed");
    }
}
