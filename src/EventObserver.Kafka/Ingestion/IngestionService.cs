using Confluent.Kafka;
using EventObserver.Core.Decoding;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// Consumes every ingested topic of the cluster into the event index (opened through <see cref="ICurrentIndex"/>)
/// and hands each committed batch to the registered <see cref="ICommittedBatchObserver"/>s. Never crashes on an
/// unreachable broker or a bad record: it reports through <see cref="IngestionStatus"/> and retries. With
/// <see cref="MaskingOptions.AtIngest"/> every decoded event is masked before it is written, so raw values of masked
/// fields never reach the index file nor the live feed.
/// </summary>
public sealed class IngestionService : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly KafkaConnection _connection;
    private readonly EnvelopeDecoder _decoder;
    private readonly Func<string, IEventIndex> _openIndex;
    private readonly IngestionStatus _status;
    private readonly ICommittedBatchObserver[] _observers;
    private readonly IEventMasker? _ingestMasker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IIndexRebuilds? _rebuilds;
    private readonly Lock _switchGate = new();
    private IEventIndex? _active;
    private IndexWriter? _activeWriter;
    private CancellationTokenSource? _loopStop;
    private bool _switched;

    public IngestionService(
        KafkaConnection connection,
        EnvelopeDecoder decoder,
        ICurrentIndex indexes,
        IngestionStatus status,
        IEnumerable<ICommittedBatchObserver> observers,
        TimeProvider time,
        ILogger<IngestionService> logger,
        IEventMasker? masker = null,
        IOptions<MaskingOptions>? masking = null,
        IOptions<HostOptions>? host = null,
        IIndexRebuilds? rebuilds = null)
        : this(connection, decoder, indexes.OpenForCluster, status, observers, time, logger,
            masking?.Value.AtIngest == true && masker is { HasRules: true } ? masker : null, rebuilds)
    {
        // Half the host's shutdown timeout for writing what is queued: the rest is for closing the consumer and the
        // index file, and the other services, before the host gives up waiting.
        if (host?.Value.ShutdownTimeout is { } timeout && timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            ShutdownDrain = timeout / 2;
        }
    }

    /// <summary>For tests: opens the index of a cluster id without an <see cref="ICurrentIndex"/>.</summary>
    /// <param name="ingestMasker">Applied to every event before the index write; null: events are written as decoded.</param>
    /// <param name="rebuilds">Says which index is being rebuilt and tells when the index is replaced; null: never.</param>
    internal IngestionService(
        KafkaConnection connection,
        EnvelopeDecoder decoder,
        Func<string, IEventIndex> openIndex,
        IngestionStatus status,
        IEnumerable<ICommittedBatchObserver> observers,
        TimeProvider time,
        ILogger logger,
        IEventMasker? ingestMasker = null,
        IIndexRebuilds? rebuilds = null)
    {
        _connection = connection;
        _decoder = decoder;
        _openIndex = openIndex;
        _status = status;
        _observers = [.. observers];
        _ingestMasker = ingestMasker;
        _time = time;
        _logger = logger;
        _rebuilds = rebuilds;
        if (rebuilds is not null)
        {
            rebuilds.Changed += OnIndexChanged;
        }
    }

    public override void Dispose()
    {
        if (_rebuilds is not null)
        {
            _rebuilds.Changed -= OnIndexChanged;
        }

        base.Dispose();
    }

    /// <summary>How long queued batches are still written once the app stops; what is left is abandoned, uncommitted.</summary>
    internal TimeSpan ShutdownDrain { get; init; } = Timeout.InfiniteTimeSpan;

    // Consume is blocking: the loop gets its own thread instead of starving the thread pool.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        _status.IsEmbedded = _connection.IsEmbedded;
        _status.BootstrapServers = _connection.BootstrapServers;
        TopicFilter filter;
        try
        {
            filter = TopicFilter.FromOptions(_connection.Options);
        }
        catch (ArgumentException e)
        {
            IngestionLog.BadConfiguration(_logger, e.Message);
            SetError(e.Message);
            return;
        }

        IngestionLog.Starting(_logger, _connection.BootstrapServers, _connection.IsEmbedded, filter.SubscriptionPattern);
        if (_ingestMasker is not null)
        {
            IngestionLog.MaskingAtIngest(_logger);
        }

        IndexWriter? writer = null;
        Dictionary<TopicPartitionKey, long>? positions = null;
        RebuildTracker? rebuild = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var loopStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            try
            {
                if (TakeSwitch() && writer is not null)
                {
                    // The index was replaced (a rebuild): start over on the new one, with its (empty) checkpoints.
                    writer.CompleteAndWait();
                    writer = null;
                    RebuildLog.Switched(_logger);
                }

                if (writer is null || positions is null)
                {
                    var index = OpenIndex(stoppingToken);
                    positions = new Dictionary<TopicPartitionKey, long>(index.GetCheckpoints());
                    var clusterId = index.ClusterId;
                    writer = new IndexWriter(index, positions, _status, _observers, _time, _logger, () => _openIndex(clusterId), index.FilePath);
                    writer.Start();
                    rebuild = StartRebuild(index);
                    Activate(index, writer, loopStop);
                    IngestionLog.Connected(_logger, index.ClusterId, index.FilePath, positions.Count);
                }
                else
                {
                    Activate(_active!, writer, loopStop);
                }

                // In a consumer group on an index several observers share, partitions are claimed (and fenced) as Kafka assigns them.
                var ownership = _connection.Options.Assignment == PartitionAssignment.Group ? _active as IPartitionOwnership : null;
                new ConsumeLoop(_connection, filter, _decoder, _ingestMasker, _status, positions, writer, _time, _logger, rebuild, ownership).Run(loopStop.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (OperationCanceledException) when (loopStop.IsCancellationRequested)
            {
                // The index was replaced while connecting: the next turn starts on the new one.
            }
            catch (Exception e) when (e is KafkaException or TimeoutException)
            {
                _status.BrokerState = BrokerState.Unreachable;
                SetError(e.Message);
                IngestionLog.Unreachable(_logger, _connection.BootstrapServers, e.Message);
                stoppingToken.WaitHandle.WaitOne(RetryDelay);
            }
            catch (Exception e)
            {
                IngestionLog.Failed(_logger, e);
                SetError(e.Message);
                stoppingToken.WaitHandle.WaitOne(RetryDelay);
            }
        }

        lock (_switchGate)
        {
            _loopStop = null;
        }

        if (writer?.CompleteAndWait(ShutdownDrain) is > 0 and var abandoned)
        {
            IngestionLog.AbandonedAtShutdown(_logger, abandoned, (long)ShutdownDrain.TotalMilliseconds);
        }

        IngestionLog.Stopped(_logger, _status.ConsumedTotal);
    }

    /// <summary>Remembers what the loop now writes to, so a replacement of the index can stop it.</summary>
    private void Activate(IEventIndex index, IndexWriter writer, CancellationTokenSource loopStop)
    {
        lock (_switchGate)
        {
            _active = index;
            _activeWriter = writer;
            _loopStop = loopStop;
            if (_switched)
            {
                // Replaced between opening and now: stop at once, the next turn takes the new index.
                writer.Abandon();
                loopStop.Cancel();
            }
        }
    }

    private bool TakeSwitch()
    {
        lock (_switchGate)
        {
            var switched = _switched;
            _switched = false;
            return switched;
        }
    }

    /// <summary>
    /// Raised by the store on any thread when the current index changed. Opening the first index, or reopening the one
    /// being written, changes nothing; any other index means the one written to was archived: what is queued for it is
    /// dropped and the consume loop ends, to start again on the new index.
    /// </summary>
    private void OnIndexChanged(IEventIndex index)
    {
        lock (_switchGate)
        {
            if (_active is null || ReferenceEquals(index, _active))
            {
                return;
            }

            _switched = true;
            _activeWriter?.Abandon();
            try
            {
                _loopStop?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The loop turn already ended; the next one sees the switch.
            }
        }
    }

    /// <summary>A tracker when <paramref name="index"/> is being rebuilt (its progress goes to <see cref="IngestionStatus.Rebuild"/>).</summary>
    private RebuildTracker? StartRebuild(IEventIndex index)
    {
        if (_rebuilds is null || !_rebuilds.IsRebuilding(index))
        {
            return null;
        }

        RebuildLog.Started(_logger, index.FilePath);
        RebuildTracker? tracker = null;
        tracker = new RebuildTracker(_status, _time, () =>
        {
            _rebuilds.CompleteRebuild(index);
            if (_status.Rebuild is { } done)
            {
                RebuildLog.Finished(_logger, done.Target, done.Partitions, done.Topics, ((done.FinishedAt ?? done.StartedAt) - done.StartedAt).TotalSeconds);
            }
        });
        tracker.Begin();
        return tracker;
    }

    private IEventIndex OpenIndex(CancellationToken stoppingToken)
    {
        var clusterId = ClusterIdResolver.ResolveAsync(_connection, stoppingToken).GetAwaiter().GetResult();
        var index = _openIndex(clusterId);
        _status.ClusterId = clusterId;
        _status.BrokerState = BrokerState.Connected;
        return index;
    }

    private void SetError(string message)
    {
        _status.LastError = message;
        _status.LastErrorAt = _time.GetUtcNow();
    }
}
