using System.Collections.Concurrent;
using System.Threading.Channels;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Storage.Index;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// The index half of the pipeline: a dedicated thread that writes decoded batches (events, retention gaps
/// and checkpoints in one transaction) while the consume thread fetches and decodes the next ones.
/// </summary>
internal sealed class IndexWriter
{
    private const int MaxQueuedBatches = 4;
    private const int AttemptsWhenStopping = 3;

    private readonly IEventIndex _index;
    private readonly IngestionStatus _status;
    private readonly ILiveFeed _feed;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<IngestBatch> _queue =
        Channel.CreateBounded<IngestBatch>(new BoundedChannelOptions(MaxQueuedBatches)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    private readonly Dictionary<string, int> _countsByTopic = new(StringComparer.Ordinal);
    private volatile bool _stopping;
    private Task? _thread;

    public IndexWriter(IEventIndex index, IngestionStatus status, ILiveFeed feed, TimeProvider time, ILogger logger)
    {
        _index = index;
        _status = status;
        _feed = feed;
        _time = time;
        _logger = logger;
        foreach (var (partition, next) in index.GetCheckpoints())
        {
            Written[partition] = next;
        }
    }

    /// <summary>Next offset to read per partition, as far as the index holds (read by the lag computation).</summary>
    public ConcurrentDictionary<TopicPartitionKey, long> Written { get; } = new();

    public void Start() =>
        _thread = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Queues a batch, waiting at most <paramref name="wait"/> while the index is behind (back-pressure on the
    /// consumer). False when it is still full: the caller does its periodic work and offers the batch again.
    /// </summary>
    public bool TryPost(IngestBatch batch, TimeSpan wait)
    {
        if (_queue.Writer.TryWrite(batch))
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return !_queue.Writer.WaitToWriteAsync(timeout.Token).AsTask().GetAwaiter().GetResult() || _queue.Writer.TryWrite(batch);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Writes what is queued, then ends the writer thread.</summary>
    public void CompleteAndWait()
    {
        _stopping = true;
        _queue.Writer.TryComplete();
        _thread?.GetAwaiter().GetResult();
    }

    private void Run()
    {
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var batch))
            {
                WriteWithRetry(batch);
            }
        }
    }

    private void WriteWithRetry(IngestBatch batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stored = _index.Write(batch.Events, batch.Gaps);
                IngestionLog.BatchWritten(_logger, stored, batch.Events.Count);
                Record(batch.Events);
                foreach (var gap in batch.Gaps)
                {
                    IngestionLog.RetentionGap(_logger, gap.Topic, gap.Partition, gap.FirstOffset, gap.LastOffset, gap.Count);
                }

                _status.RecordIndexed(batch.Gaps);

                // Only after the commit: what the feed shows is always in the index (the detail view reads it back).
                _feed.Publish(batch.Events);
                return;
            }
            catch (Exception e)
            {
                // The batch is kept, not dropped: the index is the only checkpoint, so skipping it would lose data.
                IngestionLog.WriteFailed(_logger, e, batch.Events.Count);
                _status.LastError = $"Index write failed: {e.Message}";
                _status.LastErrorAt = _time.GetUtcNow();
                if (_stopping && attempt >= AttemptsWhenStopping)
                {
                    return;
                }

                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        }
    }

    private void Record(List<EventEnvelope> batch)
    {
        _countsByTopic.Clear();
        foreach (var envelope in batch)
        {
            _countsByTopic[envelope.Topic] = _countsByTopic.GetValueOrDefault(envelope.Topic) + 1;
            var key = new TopicPartitionKey(envelope.Topic, envelope.Partition);
            var next = envelope.Offset + 1;
            if (!Written.TryGetValue(key, out var known) || known < next)
            {
                Written[key] = next;
            }
        }

        foreach (var (topic, count) in _countsByTopic)
        {
            _status.Rates.Record(topic, count);
        }

        _status.ConsumedTotal += batch.Count;
        _status.LastBatchAt = _time.GetUtcNow();
    }
}
