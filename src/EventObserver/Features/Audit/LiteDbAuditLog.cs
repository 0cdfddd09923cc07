using System.Threading.Channels;

using EventObserver.Access;
using EventObserver.Kafka.Audit;
using EventObserver.Storage.Audit;

using Microsoft.Extensions.Options;

namespace EventObserver.Features.Audit;

/// <summary>
/// The audit log: <see cref="Record"/> stamps the entry and puts it on a bounded queue (it never waits and never
/// throws; a full queue drops the entry and counts it), and this background service appends the queue in batches to
/// the <see cref="AuditStore"/> file, then hands each record to the optional Kafka copy. Retention deletes records
/// older than <see cref="AuditOptions.RetentionDays"/> at start and every <see cref="RetentionInterval"/>.
/// </summary>
public sealed partial class LiteDbAuditLog : BackgroundService, IAuditLog
{
    public const int QueueCapacity = 10_000;
    public const int BatchSize = 500;
    public static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(1);

    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly AuditStore _store;
    private readonly AuditOptions _options;
    private readonly AuditTopicProducer? _copy;
    private readonly TimeProvider _time;
    private readonly ILogger<LiteDbAuditLog> _logger;
    private readonly Lock _writing = new();
    private long _dropped;
    private long _droppedReported;
    private long _written;

    public LiteDbAuditLog(AuditStore store, IOptions<AuditOptions> options, AuditTopicProducer? copy, TimeProvider time, ILogger<LiteDbAuditLog> logger)
    {
        _store = store;
        _options = options.Value;
        _copy = copy;
        _time = time;
        _logger = logger;
    }

    /// <summary>Entries not recorded because the queue was full (or the log had stopped).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Entries appended to the file so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    public void Record(AuditEntry entry)
    {
        if (entry is null)
        {
            return;
        }

        try
        {
            var stamped = entry.At is null ? entry with { At = _time.GetUtcNow() } : entry;
            if (!_queue.Writer.TryWrite(stamped))
            {
                // Reported by the writer (never here: the caller must not wait on a logger either).
                Interlocked.Increment(ref _dropped);
            }
        }
        catch (Exception)
        {
            // A broken clock or a disposed queue: the action being recorded still goes on.
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Also ends the Kafka copy, which this log owns (queued copies get a few seconds to be delivered).</summary>
    public override void Dispose()
    {
        _copy?.Dispose();
        base.Dispose();
    }

    /// <summary>Writes what is still queued, also when the host stops before the writer ever ran.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        _queue.Writer.TryComplete();
        WriteQueued(new List<AuditEntry>(BatchSize));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = Task.Run(() => RetainAsync(stoppingToken), CancellationToken.None);
        var batch = new List<AuditEntry>(BatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                WriteQueued(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued is still written below.
        }

        _queue.Writer.TryComplete();
        WriteQueued(batch);
        await retention.ConfigureAwait(false);
    }

    private void WriteQueued(List<AuditEntry> batch)
    {
        // One writer at a time: the loop, and StopAsync after it (or instead of it).
        lock (_writing)
        {
            WriteQueuedLocked(batch);
        }
    }

    private void WriteQueuedLocked(List<AuditEntry> batch)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            if (batch.Count == 0)
            {
                ReportDrops();
                return;
            }

            Write(batch);
        }
    }

    private void Write(List<AuditEntry> batch)
    {
        try
        {
            _store.Append(batch.Select(ToRecord));
            Interlocked.Add(ref _written, batch.Count);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogWriteFailed(ex, batch.Count);
        }

        if (_copy is { } copy)
        {
            foreach (var entry in batch)
            {
                copy.Produce(entry.Actor, AuditJson.Serialize(entry));
            }
        }
    }

    private void ReportDrops()
    {
        var dropped = Dropped;
        if (dropped > _droppedReported)
        {
            LogDropped(dropped - _droppedReported, dropped, QueueCapacity);
            _droppedReported = dropped;
        }
    }

    private async Task RetainAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RetentionInterval, _time);
        try
        {
            do
            {
                Retain();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Retain()
    {
        var cutoff = _time.GetUtcNow() - TimeSpan.FromDays(_options.RetentionDays);
        try
        {
            var deleted = _store.DeleteOlderThan(cutoff);
            if (deleted > 0)
            {
                LogRetained(deleted, _options.RetentionDays);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRetentionFailed(ex);
        }
    }

    private static AuditRecord ToRecord(AuditEntry entry) => new()
    {
        At = entry.At!.Value,
        Action = entry.Action.ToString(),
        Actor = entry.Actor,
        Target = entry.Target,
        Detail = entry.Detail,
        Succeeded = entry.Succeeded,
        RemoteAddress = entry.RemoteAddress,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} audit records could not be written to the audit log file")]
    private partial void LogWriteFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} audit records were dropped ({Total} in all): the audit queue ({Capacity}) was full")]
    private partial void LogDropped(long count, long total, int capacity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit retention deleted {Count} records older than {Days} days")]
    private partial void LogRetained(int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit retention failed")]
    private partial void LogRetentionFailed(Exception exception);
}
