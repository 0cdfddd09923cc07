using System.Collections.Concurrent;
using System.Threading.Channels;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// The index half of the pipeline: a dedicated thread that writes decoded batches (events, retention gaps
/// and checkpoints in one transaction) while the consume thread fetches and decodes the next ones, then hands each
/// committed batch to the <see cref="ICommittedBatchObserver"/>s.
/// </summary>
internal sealed class IndexWriter
{
    private const int MaxQueuedBatches = 4;
    private const int AttemptsWhenStopping = 3;

    private readonly IEventWriter _index;
    private readonly IngestionStatus _status;
    private readonly ICommittedBatchObserver[] _observers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<IngestBatch> _queue =
        Channel.CreateBounded<IngestBatch>(new BoundedChannelOptions(MaxQueuedBatches)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    private volatile bool _stopping;
    private volatile bool _abandoned;
    private Task? _thread;

    /// <param name="index">Where batches are written.</param>
    /// <param name="checkpoints">The index's checkpoints when the writer starts.</param>
    /// <param name="status">Ingestion state the writer keeps current.</param>
    /// <param name="observers">Told about each batch after its commit, in this order.</param>
    /// <param name="time">Clock of the status times.</param>
    /// <param name="logger">Ingestion log.</param>
    public IndexWriter(
        IEventWriter index,
        IReadOnlyDictionary<TopicPartitionKey, long> checkpoints,
        IngestionStatus status,
        IReadOnlyList<ICommittedBatchObserver> observers,
        TimeProvider time,
        ILogger logger)
    {
        _index = index;
        _status = status;
        _observers = [.. observers];
        _time = time;
        _logger = logger;
        foreach (var (partition, next) in checkpoints)
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

    /// <summary>
    /// Drops what is queued and what comes: the index was replaced (a rebuild) and ingestion starts over on the new
    /// one, so these batches belong to no index any more.
    /// </summary>
    public void Abandon()
    {
        _abandoned = true;
        _stopping = true;
        _queue.Writer.TryComplete();
    }

    private void Run()
    {
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var batch))
            {
                if (_abandoned)
                {
                    continue;
                }

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
                break;
            }
            catch (Exception e) when (_abandoned)
            {
                // The index was archived under this batch (a rebuild): the new one is filled from Kafka again.
                RebuildLog.BatchAbandoned(_logger, e.Message, batch.Events.Count);
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

        // Only after the commit: what the feed shows is always in the index (the detail view reads it back).
        Notify(batch.Events);
    }

    private void Notify(List<EventEnvelope> batch)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnCommitted(batch);
            }
            catch (Exception e)
            {
                // The batch is committed: writing it again would not help, and must not happen twice for the others.
                IngestionLog.ObserverFailed(_logger, e, observer.GetType().Name, batch.Count);
            }
        }
    }

    private void Record(List<EventEnvelope> batch)
    {
        foreach (var envelope in batch)
        {
            var key = new TopicPartitionKey(envelope.Topic, envelope.Partition);
            var next = envelope.Offset + 1;
            if (!Written.TryGetValue(key, out var known) || known < next)
            {
                Written[key] = next;
            }
        }

        _status.ConsumedTotal += batch.Count;
        _status.LastBatchAt = _time.GetUtcNow();
    }
}
