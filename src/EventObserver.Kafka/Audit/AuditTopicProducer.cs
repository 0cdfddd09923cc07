using Confluent.Kafka;
using EventObserver.Kafka.Connection;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Audit;

/// <summary>
/// Copies audit records to a Kafka topic (<c>EventObserver:Audit:Topic</c>), as JSON the caller has already written,
/// through the app's connection (<see cref="KafkaConnection"/>). <see cref="Produce"/> never blocks and never throws:
/// a record the producer cannot take or deliver is logged and counted, the local audit log is not held up by Kafka.
/// Thread-safe.
/// </summary>
public sealed partial class AuditTopicProducer : IDisposable
{
    private readonly KafkaConnection _connection;
    private readonly ILogger<AuditTopicProducer> _logger;
    private readonly TimeSpan _deliveryTimeout;
    private readonly Lock _sync = new();
    private IProducer<string?, byte[]>? _producer;
    private bool _disposed;
    private long _delivered;
    private long _failed;

    public AuditTopicProducer(string topic, KafkaConnection connection, ILogger<AuditTopicProducer> logger, TimeSpan? deliveryTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        Topic = topic;
        _connection = connection;
        _logger = logger;
        _deliveryTimeout = deliveryTimeout ?? TimeSpan.FromSeconds(30);
    }

    public string Topic { get; }

    /// <summary>Copies the broker acknowledged.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Copies that could not be queued or were not delivered in time.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Queues one record for the topic; the outcome arrives later and only a failure is logged.</summary>
    public void Produce(string? key, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            Producer().Produce(Topic, new Message<string?, byte[]> { Key = key, Value = json }, OnDelivered);
        }
        catch (Exception ex) when (ex is KafkaException or ObjectDisposedException or InvalidOperationException)
        {
            // Logged before counted: whoever sees the count can find the reason in the log.
            LogFailed(Topic, ex.Message);
            Interlocked.Increment(ref _failed);
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            _producer?.Flush(TimeSpan.FromSeconds(5));
            _producer?.Dispose();
            _producer = null;
        }
    }

    private void OnDelivered(DeliveryReport<string?, byte[]> report)
    {
        if (report.Error.IsError)
        {
            LogFailed(Topic, report.Error.Reason);
            Interlocked.Increment(ref _failed);
        }
        else
        {
            Interlocked.Increment(ref _delivered);
        }
    }

    private IProducer<string?, byte[]> Producer()
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_producer is null)
            {
                var config = _connection.CreateProducerConfig("eventobserver-audit");
                config.Acks = Acks.All;
                config.MessageTimeoutMs = (int)_deliveryTimeout.TotalMilliseconds;
                _producer = new ProducerBuilder<string?, byte[]>(config)
                    .SetLogHandler((_, message) => LogKafka(message.Level.ToString(), message.Message))
                    .Build();
            }

            return _producer;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An audit record was not copied to Kafka topic {Topic}: {Reason} (the local audit log has it)")]
    private partial void LogFailed(string topic, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit producer [{KafkaLevel}] {KafkaMessage}")]
    private partial void LogKafka(string kafkaLevel, string kafkaMessage);
}
