using System.Diagnostics;
using Confluent.Kafka;
using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Indexing;
using EventObserver.Core.Masking;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// One consumer's life: regex subscription, positions handed out from the index on every assignment,
/// batching by size or age, decoding (and masking at ingest), retention gaps, lag and broker-state bookkeeping. Runs
/// on the caller's thread.
/// </summary>
internal sealed class ConsumeLoop(
    KafkaConnection connection,
    TopicFilter filter,
    EnvelopeDecoder decoder,
    IEventMasker? ingestMasker,
    IngestionStatus status,
    Dictionary<TopicPartitionKey, long> positions,
    IndexWriter writer,
    TimeProvider time,
    ILogger logger,
    RebuildTracker? rebuild = null,
    IPartitionOwnership? ownership = null)
{
    private const int MaxBatchAgeMs = 50;
    private const int IdlePollMs = 100;
    private const int LagIntervalMs = 2000;
    private static readonly TimeSpan PostWait = TimeSpan.FromMilliseconds(250);

    // On shutdown a batch the writer cannot take by then is left behind: it was never committed, so the next start
    // reads it again, and the host's shutdown timeout is not spent waiting behind a slow index.
    private static readonly TimeSpan ShutdownPostWait = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LogStartQueryTimeout = TimeSpan.FromSeconds(5);

    private readonly int _maxBatch = Math.Max(1, connection.Options.MaxBatchSize);
    private readonly RetentionGapDetector _gaps = new(positions, time);
    private readonly OffsetResetChase _chase = new(logger);
    private List<RetentionGap> _pendingGaps = [];
    private long _nextLagAt;
    private long _nextDiscoveryAt;
    private PartitionDiscovery? _discovery;
    private Error? _fatal;

    /// <summary>Consumes until <paramref name="cancellationToken"/> fires; throws on a fatal client error.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        var builder = new ConsumerBuilder<byte[], byte[]>(connection.CreateConsumerConfig())
            .SetErrorHandler((_, error) => OnError(error))
            .SetLogHandler((_, message) =>
            {
                _chase.OnLog(message);
                IngestionLog.Native(logger, ToLevel(message.Level), message.Facility, message.Message);
            });
        var manual = connection.Options.Assignment == PartitionAssignment.Manual;
        if (!manual)
        {
            builder.SetPartitionsAssignedHandler((_, partitions) => Assign(partitions));
            builder.SetPartitionsRevokedHandler((_, partitions) => Release(partitions.Select(p => p.TopicPartition)));
            builder.SetPartitionsLostHandler((_, partitions) => Release(partitions.Select(p => p.TopicPartition)));
        }

        using var consumer = builder.Build();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        if (manual)
        {
            _discovery = new PartitionDiscovery(filter, admin, Assign);
            Discover(consumer);
        }
        else
        {
            Subscribe(consumer);
        }

        var probe = new LagProbe(admin);
        try
        {
            Loop(consumer, probe, cancellationToken);
        }
        finally
        {
            try
            {
                consumer.Close();
            }
            catch (KafkaException e)
            {
                IngestionLog.ClientError(logger, e.Error.Code.ToString(), e.Error.Reason);
            }
        }
    }

    private void Loop(IConsumer<byte[], byte[]> consumer, LagProbe probe, CancellationToken cancellationToken)
    {
        var batch = new List<EventEnvelope>(Math.Min(_maxBatch, 1024));
        long batchStarted = 0;
        _nextLagAt = Environment.TickCount64 + LagIntervalMs;

        // One delegate for the loop's life: a lambda over the loop's record would allocate a closure every turn.
        Func<TopicPartitionKey, long?> logStart = key => LogStart(consumer, key);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_fatal is { } fatal)
            {
                throw new KafkaException(fatal);
            }

            var timeout = batch.Count == 0 ? IdlePollMs : (int)Math.Max(0, batchStarted + MaxBatchAgeMs - Environment.TickCount64);
            var result = TryConsume(consumer, timeout);
            var now = Environment.TickCount64;
            if (result?.Message is not null)
            {
                var key = new TopicPartitionKey(result.Topic, result.Partition.Value);
                _chase.RecordReceived(key);
                var included = filter.Includes(result.Topic);
                if (included && _gaps.Observe(key, result.Offset.Value, logStart) is { } gap)
                {
                    // Health hears of it now; the index records it with the batch that holds the record after it.
                    status.Watchdog.ObserveGap(gap.Count);
                    _pendingGaps.Add(gap);
                }
                else if (!included)
                {
                    positions[key] = result.Offset.Value + 1;
                }

                if (included)
                {
                    if (batch.Count == 0)
                    {
                        batchStarted = now;
                    }

                    batch.Add(Decode(RecordConverter.ToRaw(result)));
                }

                MarkReachable();
            }

            if (batch.Count >= _maxBatch || (batch.Count > 0 && now - batchStarted >= MaxBatchAgeMs))
            {
                Post(consumer, probe, batch, cancellationToken);
                batch = new List<EventEnvelope>(Math.Min(_maxBatch, Math.Max(batch.Count, 64)));
            }

            Tick(consumer, probe);
        }

        if (batch.Count > 0 || _pendingGaps.Count > 0)
        {
            writer.TryPost(TakeBatch(batch), ShutdownPostWait);
        }
    }

    /// <summary>Hands a batch to the index writer; while the index is behind, keeps lag, health and resets up to date.</summary>
    private void Post(IConsumer<byte[], byte[]> consumer, LagProbe probe, List<EventEnvelope> batch, CancellationToken cancellationToken)
    {
        var item = TakeBatch(batch);
        while (!writer.TryPost(item, PostWait))
        {
            Tick(consumer, probe);
            if (cancellationToken.IsCancellationRequested)
            {
                writer.TryPost(item, ShutdownPostWait);
                return;
            }
        }
    }

    private IngestBatch TakeBatch(List<EventEnvelope> batch)
    {
        IngestionMetrics.RecordConsumed(batch);
        var item = new IngestBatch(batch, _pendingGaps);
        _pendingGaps = [];
        return item;
    }

    /// <summary>The periodic part of the loop: retention chases every turn, lag and reachability every couple of seconds.</summary>
    private void Tick(IConsumer<byte[], byte[]> consumer, LagProbe probe)
    {
        _chase.Apply(consumer);
        if (_discovery is not null && Environment.TickCount64 >= _nextDiscoveryAt)
        {
            Discover(consumer);
        }

        if (probe.TryTake() is { } marks)
        {
            status.SetPartitionLag(LagProbe.LagByPartition(consumer, marks, filter, writer.Written, positions));
            rebuild?.Observe(marks, key => LagProbe.NextToIndex(consumer, new TopicPartition(key.Topic, new Partition(key.Partition)), writer.Written, positions));
        }

        var now = Environment.TickCount64;
        if (now >= _nextLagAt)
        {
            if (!probe.InFlight)
            {
                probe.Start(consumer.Assignment.Where(p => filter.Includes(p.Topic)).ToList());
            }

            ProbeIfUnreachable(consumer);
            status.SetSkippedOffsets(_gaps.SkippedOffsets);
            _nextLagAt = now + LagIntervalMs;
        }
    }

    /// <summary>
    /// The partition's log start, asked only when offsets jump. The client's cached watermark is often not there yet
    /// right after an assignment (the jump then looked like compaction and a retention gap went unrecorded: seen in CI),
    /// so the broker is asked when it is missing; null when it cannot say.
    /// </summary>
    private static long? LogStart(IConsumer<byte[], byte[]> consumer, TopicPartitionKey key)
    {
        var partition = new TopicPartition(key.Topic, new Partition(key.Partition));
        var low = consumer.GetWatermarkOffsets(partition).Low;
        if (low != Offset.Unset)
        {
            return low.Value;
        }

        try
        {
            low = consumer.QueryWatermarkOffsets(partition, LogStartQueryTimeout).Low;
            return low == Offset.Unset ? null : low.Value;
        }
        catch (KafkaException)
        {
            return null;
        }
    }

    private ConsumeResult<byte[], byte[]>? TryConsume(IConsumer<byte[], byte[]> consumer, int timeoutMs)
    {
        try
        {
            return consumer.Consume(timeoutMs);
        }
        catch (ConsumeException e)
        {
            IngestionLog.ConsumeFailed(logger, e.ConsumerRecord?.Topic, e.ConsumerRecord?.Partition.Value ?? -1, e.Error.Reason);
            SetError(e.Error.Reason);
            return null;
        }
    }

    /// <summary>
    /// Decodes, then masks when masking at ingest is on. Masking sits outside the decoder's safety net on purpose: should
    /// it ever throw, the loop fails and retries rather than indexing the raw event.
    /// </summary>
    private EventEnvelope Decode(RawRecord raw)
    {
        EventEnvelope envelope;
        try
        {
            envelope = decoder.Decode(raw);
        }
        catch (Exception e)
        {
            IngestionLog.DecodeFailed(logger, e, raw.Topic, raw.Partition, raw.Offset);
            envelope = EnvelopeDecoder.Undecoded(raw);
        }

        return ingestMasker is null ? envelope : ingestMasker.Mask(envelope);
    }

    /// <summary>Manual assignment: new topics and partitions are picked up as often as a subscription would see them.</summary>
    private void Discover(IConsumer<byte[], byte[]> consumer)
    {
        _nextDiscoveryAt = Environment.TickCount64 + Math.Max(500, connection.Options.MetadataRefreshMs);
        if (!_discovery!.Refresh(consumer))
        {
            // Not answered (brokers down): try again soon, so ingestion starts as soon as they return.
            _nextDiscoveryAt = Environment.TickCount64 + 1000;
        }
    }

    private void Subscribe(IConsumer<byte[], byte[]> consumer)
    {
        try
        {
            consumer.Subscribe(filter.SubscriptionPattern);
        }
        catch (KafkaException e)
        {
            IngestionLog.SubscriptionFallback(logger, filter.SubscriptionPattern, e.Error.Reason, filter.BroadSubscriptionPattern);
            consumer.Subscribe(filter.BroadSubscriptionPattern);
        }
    }

    /// <summary>
    /// On an index several observers share: takes the assigned partitions over in the index (which fences their previous
    /// owner) and resumes each from the checkpoint committed there, whoever committed it.
    /// </summary>
    private void Claim(List<TopicPartition> partitions)
    {
        if (ownership is null)
        {
            return;
        }

        var keys = partitions.Where(p => filter.Includes(p.Topic)).Select(p => new TopicPartitionKey(p.Topic, p.Partition.Value)).ToList();
        var committed = ownership.Claim(keys);
        foreach (var key in keys)
        {
            if (committed.TryGetValue(key, out var next))
            {
                positions[key] = next;
            }
            else
            {
                positions.Remove(key);
            }
        }

        if (keys.Count > 0)
        {
            IngestionLog.Claimed(logger, keys.Count, ownership.ObserverId);
        }
    }

    /// <summary>Partitions revoked or lost: writes for them are refused from now on, so queued batches of them are dropped.</summary>
    private void Release(IEnumerable<TopicPartition> partitions)
    {
        if (ownership is null)
        {
            // One observer per index: positions stay, the index holds nothing newer for a partition handed back.
            return;
        }

        var keys = partitions.Select(p => new TopicPartitionKey(p.Topic, p.Partition.Value)).ToList();
        ownership.Release(keys);
        foreach (var key in keys)
        {
            // Another observer writes it now: its next claim here reads the checkpoint from the index again.
            positions.Remove(key);
        }

        if (keys.Count > 0)
        {
            IngestionLog.Released(logger, keys.Count);
        }
    }

    private IEnumerable<TopicPartitionOffset> Assign(List<TopicPartition> partitions)
    {
        if (partitions.Count > 0)
        {
            // A cooperative rebalance calls this with nothing new for members whose partitions did not move.
            IngestionLog.Assigned(logger, partitions.Count, partitions.Select(p => p.Topic).Distinct().Count());
        }

        // A rebuild must hold everything Kafka still has, whatever the configured start says.
        var startFrom = connection.Options.StartFrom == StartPosition.Latest && rebuild is not { Finished: false } ? Offset.End : Offset.Beginning;
        Claim(partitions);
        var result = new List<TopicPartitionOffset>(partitions.Count);
        foreach (var partition in partitions)
        {
            // Kafka's committed offsets are never used: the index knows what it holds.
            var offset = !filter.Includes(partition.Topic) ? Offset.End
                : positions.TryGetValue(new TopicPartitionKey(partition.Topic, partition.Partition.Value), out var next) ? new Offset(next)
                : startFrom;
            result.Add(new TopicPartitionOffset(partition, offset));
        }

        return result;
    }

    private void ProbeIfUnreachable(IConsumer<byte[], byte[]> consumer)
    {
        if (status.BrokerState != BrokerState.Unreachable)
        {
            return;
        }

        try
        {
            using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
            admin.GetMetadata(TimeSpan.FromSeconds(1));
            MarkReachable();
        }
        catch (KafkaException)
        {
            // Still down; the next probe follows in a few seconds.
        }
    }

    private void OnError(Error error)
    {
        if (error.IsFatal)
        {
            _fatal = error;
        }

        IngestionLog.ClientError(logger, error.Code.ToString(), error.Reason);
        SetError(error.Reason);
        if (error.Code == ErrorCode.Local_AllBrokersDown && status.BrokerState != BrokerState.Unreachable)
        {
            status.BrokerState = BrokerState.Unreachable;
            IngestionLog.Unreachable(logger, connection.BootstrapServers, error.Reason);
        }
    }

    private void MarkReachable()
    {
        if (status.BrokerState != BrokerState.Connected)
        {
            status.BrokerState = BrokerState.Connected;
            IngestionLog.Reachable(logger);
        }
    }

    private void SetError(string reason)
    {
        status.LastError = reason;
        status.LastErrorAt = time.GetUtcNow();
    }

    private static LogLevel ToLevel(SyslogLevel level) => level switch
    {
        <= SyslogLevel.Error => LogLevel.Warning,
        <= SyslogLevel.Notice => LogLevel.Information,
        _ => LogLevel.Debug,
    };
}
