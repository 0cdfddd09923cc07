using System.Diagnostics;
using Confluent.Kafka;
using EventObserver.Core.Decoding;
using EventObserver.Core.Envelopes;
using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.Connection;
using EventObserver.Storage.Index;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Ingestion;

/// <summary>
/// One consumer's life: regex subscription, positions handed out from the index on every assignment,
/// batching by size or age, decoding, lag and broker-state bookkeeping. Runs on the caller's thread.
/// </summary>
internal sealed class ConsumeLoop(
    KafkaConnection connection,
    TopicFilter filter,
    EnvelopeDecoder decoder,
    IngestionStatus status,
    Dictionary<TopicPartitionKey, long> positions,
    IndexWriter writer,
    TimeProvider time,
    ILogger logger)
{
    private const int MaxBatchAgeMs = 50;
    private const int IdlePollMs = 100;
    private const int LagIntervalMs = 2000;

    private readonly int _maxBatch = Math.Max(1, connection.Options.MaxBatchSize);
    private Error? _fatal;

    /// <summary>Consumes until <paramref name="cancellationToken"/> fires; throws on a fatal client error.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(connection.CreateConsumerConfig())
            .SetErrorHandler((_, error) => OnError(error))
            .SetLogHandler((_, message) => IngestionLog.Native(logger, ToLevel(message.Level), message.Facility, message.Message))
            .SetPartitionsAssignedHandler((_, partitions) => Assign(partitions))
            .Build();
        Subscribe(consumer);
        try
        {
            Loop(consumer, cancellationToken);
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

    private void Loop(IConsumer<byte[], byte[]> consumer, CancellationToken cancellationToken)
    {
        var batch = new List<EventEnvelope>(Math.Min(_maxBatch, 1024));
        long batchStarted = 0;
        var nextLagAt = Environment.TickCount64 + LagIntervalMs;
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
                positions[new TopicPartitionKey(result.Topic, result.Partition.Value)] = result.Offset.Value + 1;
                if (filter.Includes(result.Topic))
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
                writer.Post(batch);
                batch = new List<EventEnvelope>(Math.Min(_maxBatch, Math.Max(batch.Count, 64)));
            }

            if (now >= nextLagAt)
            {
                UpdateLag(consumer);
                ProbeIfUnreachable(consumer);
                nextLagAt = Environment.TickCount64 + LagIntervalMs;
            }
        }

        if (batch.Count > 0)
        {
            writer.Post(batch);
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

    private EventEnvelope Decode(RawRecord raw)
    {
        try
        {
            return decoder.Decode(raw);
        }
        catch (Exception e)
        {
            IngestionLog.DecodeFailed(logger, e, raw.Topic, raw.Partition, raw.Offset);
            return EnvelopeDecoder.Undecoded(raw);
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

    private IEnumerable<TopicPartitionOffset> Assign(List<TopicPartition> partitions)
    {
        IngestionLog.Assigned(logger, partitions.Count, partitions.Select(p => p.Topic).Distinct().Count());
        var startFrom = connection.Options.StartFrom == StartPosition.Latest ? Offset.End : Offset.Beginning;
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

    private void UpdateLag(IConsumer<byte[], byte[]> consumer)
    {
        var lag = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var partition in consumer.Assignment)
        {
            if (!filter.Includes(partition.Topic))
            {
                continue;
            }

            var marks = consumer.GetWatermarkOffsets(partition);
            if (marks.High == Offset.Unset)
            {
                continue;
            }

            var key = new TopicPartitionKey(partition.Topic, partition.Partition.Value);
            var next = writer.Written.TryGetValue(key, out var written) ? written
                : positions.TryGetValue(key, out var consumed) ? consumed
                : 0;
            if (marks.Low != Offset.Unset)
            {
                next = Math.Max(next, marks.Low.Value);
            }

            lag[partition.Topic] = lag.GetValueOrDefault(partition.Topic) + Math.Max(0, marks.High.Value - next);
        }

        status.SetLag(lag);
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
