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
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>How often a write is tried again while the disk is full (each try reopens the index file).</summary>
    public static readonly TimeSpan PausedRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Func<IEventWriter>? _reopen;
    private readonly string? _indexPath;
    private readonly CancellationTokenSource _stop = new();
    private IEventWriter _index;
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
    private long _abandonAfter = long.MaxValue;
    private int _abandoned;
    private volatile bool _discarded;
    private Task? _thread;

    /// <param name="index">Where batches are written.</param>
    /// <param name="checkpoints">The index's checkpoints when the writer starts.</param>
    /// <param name="status">Ingestion state the writer keeps current.</param>
    /// <param name="observers">Told about each batch after its commit, in this order.</param>
    /// <param name="time">Clock of the status times.</param>
    /// <param name="logger">Ingestion log.</param>
    /// <param name="reopen">
    /// The index again after a failed write: the same instance while it is usable, a new one on the same file when the
    /// failure left it unusable (a full disk does). Null: the same instance is retried.
    /// </param>
    /// <param name="indexPath">The index file, to say how much space is left beside it.</param>
    public IndexWriter(
        IEventWriter index,
        IReadOnlyDictionary<TopicPartitionKey, long> checkpoints,
        IngestionStatus status,
        IReadOnlyList<ICommittedBatchObserver> observers,
        TimeProvider time,
        ILogger logger,
        Func<IEventWriter>? reopen = null,
        string? indexPath = null)
    {
        _index = index;
        _reopen = reopen;
        _indexPath = indexPath;
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
    public void CompleteAndWait() => CompleteAndWait(Timeout.InfiniteTimeSpan);

    /// <summary>
    /// Shutdown: writes queued batches until <paramref name="drain"/> has passed, then abandons the rest and ends the
    /// writer thread. A commit in progress always finishes (the file is closed after it), and an abandoned batch was
    /// never committed, so its checkpoint still points before it: the next start reads it again. Returns how many
    /// events were abandoned.
    /// </summary>
    public int CompleteAndWait(TimeSpan drain)
    {
        if (drain != Timeout.InfiniteTimeSpan)
        {
            Interlocked.Exchange(ref _abandonAfter, Environment.TickCount64 + (long)drain.TotalMilliseconds);
        }

        _stopping = true;
        _queue.Writer.TryComplete();
        _stop.Cancel();
        _thread?.GetAwaiter().GetResult();
        return _abandoned;
    }

    /// <summary>Whether <see cref="CompleteAndWait(TimeSpan)"/> has begun (its drain deadline is set by then).</summary>
    internal bool IsStopping => _stopping;

    private bool PastDeadline => _stopping && Environment.TickCount64 >= Interlocked.Read(ref _abandonAfter);

    /// <summary>
    /// Drops what is queued and what comes: the index was replaced (a rebuild) and ingestion starts over on the new
    /// one, so these batches belong to no index any more.
    /// </summary>
    public void Abandon()
    {
        _discarded = true;
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
                if (_discarded)
                {
                    continue;
                }

                if (PastDeadline)
                {
                    _abandoned += batch.Events.Count;
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
                using var write = BatchWrite.Start(batch.Events);
                var stored = _index.Write(batch.Events, batch.Gaps);
                write.Committed(stored);
                IngestionLog.BatchWritten(_logger, stored, batch.Events.Count);
                Record(batch.Events);
                foreach (var gap in batch.Gaps)
                {
                    IngestionLog.RetentionGap(_logger, gap.Topic, gap.Partition, gap.FirstOffset, gap.LastOffset, gap.Count);
                }

                _status.RecordIndexed(batch.Gaps);
                EndPause();
                break;
            }
            catch (PartitionFencedException e)
            {
                // Another observer owns these partitions now and resumes them from the last commit: what this one
                // read of them is not written (its successor reads it again); the rest of the batch is.
                var fenced = new HashSet<TopicPartitionKey>(e.Partitions);
                var kept = batch.Events.Where(x => !fenced.Contains(new TopicPartitionKey(x.Topic, x.Partition))).ToList();
                var gaps = batch.Gaps.Where(g => !fenced.Contains(new TopicPartitionKey(g.Topic, g.Partition))).ToList();
                IngestionLog.Fenced(_logger, e.Message, batch.Events.Count - kept.Count);
                _status.RecordFenced(batch.Events.Count - kept.Count);
                batch = new IngestBatch(kept, gaps);
                if (kept.Count == 0 && gaps.Count == 0)
                {
                    return;
                }

                attempt = 0;
            }
            catch (Exception e) when (_discarded)
            {
                // The index was archived under this batch (a rebuild): the new one is filled from Kafka again.
                RebuildLog.BatchAbandoned(_logger, e.Message, batch.Events.Count);
                return;
            }
            catch (Exception e)
            {
                // The batch is kept, not dropped: the index is the only checkpoint, so skipping it would lose data.
                // Reopened first, so whoever sees the pause reads from a usable index.
                Reopen();
                var diskFull = DiskSpace.IsFull(e);
                if (diskFull)
                {
                    Pause(e, batch.Events.Count);
                }
                else
                {
                    IngestionLog.WriteFailed(_logger, e, batch.Events.Count);
                }

                _status.LastError = $"Index write failed: {e.Message}";
                _status.LastErrorAt = _time.GetUtcNow();
                if (_stopping && (diskFull || attempt >= AttemptsWhenStopping || PastDeadline))
                {
                    // Not written, so not checkpointed: the next start reads these messages from Kafka again.
                    _abandoned += batch.Events.Count;
                    return;
                }

                // A full disk does not free itself within a second: retry slowly, and do not spin.
                Wait(diskFull ? PausedRetryDelay : RetryDelay);
            }
        }

        // Only after the commit: what the feed shows is always in the index (the detail view reads it back).
        Notify(batch.Events);
    }

    /// <summary>Logs the pause once, when it starts; later failures only update the status (and its free space).</summary>
    private void Pause(Exception e, int count)
    {
        var reason = _indexPath is null ? "disk full" : DiskSpace.DescribeFull(_indexPath);
        if (_status.WritePause is { } pause)
        {
            _status.WritePause = pause with { Reason = reason, Attempts = pause.Attempts + 1 };
            return;
        }

        _status.WritePause = new IndexWritePause(reason, _time.GetUtcNow(), 1);
        IngestionLog.WritesPaused(_logger, e, reason, count, PausedRetryDelay.TotalSeconds);
    }

    private void EndPause()
    {
        if (_status.WritePause is { } pause)
        {
            _status.WritePause = null;
            IngestionLog.WritesResumed(_logger, (long)(_time.GetUtcNow() - pause.Since).TotalSeconds, pause.Attempts);
        }
    }

    /// <summary>
    /// After a failed write the index may be unusable (LiteDB's is after a full disk) and reads must keep working:
    /// the provider hands back the same instance when it is fine, else a fresh one on the same file.
    /// </summary>
    private void Reopen()
    {
        if (_reopen is null)
        {
            return;
        }

        try
        {
            _index = _reopen();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            IngestionLog.ReopenFailed(_logger, e.Message);
        }
    }

    private void Wait(TimeSpan delay)
    {
        try
        {
            Task.Delay(delay, _time, _stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopping: the remaining attempts follow at once.
        }
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
