using Confluent.Kafka;
using EventObserver.Core.Decoding;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;
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
        IOptions<HostOptions>? host = null)
        : this(connection, decoder, indexes.OpenForCluster, status, observers, time, logger,
            masking?.Value.AtIngest == true && masker is { HasRules: true } ? masker : null)
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
    internal IngestionService(
        KafkaConnection connection,
        EnvelopeDecoder decoder,
        Func<string, IEventIndex> openIndex,
        IngestionStatus status,
        IEnumerable<ICommittedBatchObserver> observers,
        TimeProvider time,
        ILogger logger,
        IEventMasker? ingestMasker = null)
    {
        _connection = connection;
        _decoder = decoder;
        _openIndex = openIndex;
        _status = status;
        _observers = [.. observers];
        _ingestMasker = ingestMasker;
        _time = time;
        _logger = logger;
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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (writer is null || positions is null)
                {
                    var index = OpenIndex(stoppingToken);
                    positions = new Dictionary<TopicPartitionKey, long>(index.GetCheckpoints());
                    var clusterId = index.ClusterId;
                    writer = new IndexWriter(index, positions, _status, _observers, _time, _logger, () => _openIndex(clusterId), index.FilePath);
                    writer.Start();
                    IngestionLog.Connected(_logger, index.ClusterId, index.FilePath, positions.Count);
                }

                new ConsumeLoop(_connection, filter, _decoder, _ingestMasker, _status, positions, writer, _time, _logger).Run(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
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

        if (writer?.CompleteAndWait(ShutdownDrain) is > 0 and var abandoned)
        {
            IngestionLog.AbandonedAtShutdown(_logger, abandoned, (long)ShutdownDrain.TotalMilliseconds);
        }

        IngestionLog.Stopped(_logger, _status.ConsumedTotal);
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
