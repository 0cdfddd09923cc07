using System.Collections.Concurrent;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;

namespace EventObserver.Monitoring;

/// <summary>
/// Hands committed batches to the conversation monitor on a thread of its own: the index writer only enqueues, so it
/// never waits for the tracker's lock (held by a deadline check or a page's query over 100,000 conversations). The
/// queue is bounded by events; when it is full a batch is let go and the next one carries a gap mark, on which the
/// monitor reads what it missed back from the index (it is committed there) before going on. Nothing is lost, and
/// ingestion is never slowed by monitoring.
/// </summary>
public sealed partial class ConversationFeed : ISharedIndexBatchObserver, IDisposable
{
    /// <summary>Events queued at most: about 20 s of a busy cluster, a few tens of MB of envelopes already in memory.</summary>
    public const int DefaultMaxQueuedEvents = 100_000;

    private readonly ConversationMonitor _monitor;
    private readonly ILogger<ConversationFeed> _logger;
    private readonly ConcurrentQueue<QueuedBatch> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private long _queuedEvents;
    private long _gaps;
    private int _gapPending;

    public ConversationFeed(ConversationMonitor monitor, ILogger<ConversationFeed> logger)
    {
        _monitor = monitor;
        _logger = logger;
    }

    public int MaxQueuedEvents { get; init; } = DefaultMaxQueuedEvents;

    /// <summary>How long the queue stays empty before a pending gap is read back without a next batch to carry it.</summary>
    public TimeSpan IdleReadBack { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Times the queue was full and the monitor read batches back from the index instead.</summary>
    public long Gaps => Interlocked.Read(ref _gaps);

    /// <summary>Events waiting for the monitor.</summary>
    public long QueuedEvents => Interlocked.Read(ref _queuedEvents);

    /// <summary>On the index writer's thread (or the shared index's feed thread): enqueue only, thread-safe.</summary>
    public void OnCommitted(IReadOnlyList<EventEnvelope> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        if (Interlocked.Read(ref _queuedEvents) + batch.Count > MaxQueuedEvents)
        {
            if (Interlocked.Exchange(ref _gapPending, 1) == 0)
            {
                Interlocked.Increment(ref _gaps);
            }

            return;
        }

        var gapBefore = Interlocked.Exchange(ref _gapPending, 0) == 1;
        Interlocked.Add(ref _queuedEvents, batch.Count);
        _queue.Enqueue(new QueuedBatch(batch, gapBefore));
        _signal.Release();
    }

    /// <summary>The monitor's side, until cancelled: each batch in commit order, a read-back first where one was let go.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var signalled = await _signal.WaitAsync(IdleReadBack, cancellationToken).ConfigureAwait(false);
            QueuedBatch? queued = signalled && _queue.TryDequeue(out var next) ? next : null;
            try
            {
                if (queued is not { } batch)
                {
                    // A batch let go with none after it to carry the mark: read it back once ingestion is idle.
                    if (Interlocked.Exchange(ref _gapPending, 0) == 1)
                    {
                        LogReadingBack();
                        _monitor.ReadBackMissed(cancellationToken);
                    }

                    continue;
                }

                Interlocked.Add(ref _queuedEvents, -batch.Batch.Count);
                if (batch.GapBefore)
                {
                    LogReadingBack();
                    _monitor.ReadBackMissed(cancellationToken);
                }

                _monitor.Accept(batch.Batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // One batch's counts may be off; the next batches are tracked as before.
                LogBatchFailed(queued?.Batch.Count ?? 0, ex);
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation monitoring fell behind ingestion; it reads the batches it let go back from the index")]
    private partial void LogReadingBack();

    [LoggerMessage(Level = LogLevel.Error, Message = "Conversation monitoring failed on a batch of {Count} events; it goes on with the next")]
    private partial void LogBatchFailed(int count, Exception exception);

    private readonly record struct QueuedBatch(IReadOnlyList<EventEnvelope> Batch, bool GapBefore);
}
