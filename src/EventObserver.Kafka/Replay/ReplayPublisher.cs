using Confluent.Kafka;
using EventObserver.Core.Envelopes;
using EventObserver.Kafka.Connection;
using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Replay;

/// <summary>
/// Re-publishes indexed events to Kafka with one shared, idempotent producer (created on first real publish), so
/// each target partition receives the copies in the order they were sent. Guards are the caller's job
/// (<see cref="PublishGuard"/>): this class sends what it is given. Thread-safe.
/// </summary>
public sealed partial class ReplayPublisher : IDisposable
{
    private readonly KafkaConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILogger<ReplayPublisher> _logger;
    private readonly Lock _sync = new();
    private IProducer<byte[], byte[]>? _producer;
    private bool _disposed;

    public ReplayPublisher(KafkaConnection connection, TimeProvider time, ILogger<ReplayPublisher> logger)
    {
        _connection = connection;
        _time = time;
        _logger = logger;
    }

    /// <summary>How long <see cref="PublishAsync"/> waits for the last deliveries.</summary>
    public static TimeSpan DeliveryTimeout { get; } = TimeSpan.FromSeconds(30);

    public ReplayPublishSession Begin(PublishTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new ReplayPublishSession(target, target.DryRun ? null : Producer(), _time);
    }

    /// <summary>Sends (or lists, for a dry run) every event and waits for the deliveries.</summary>
    public async Task<(PublishOutcome Outcome, IReadOnlyList<PublishPreview> Previews)> PublishAsync(
        IEnumerable<EventEnvelope> events, PublishTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var session = Begin(target);
        foreach (var envelope in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await session.PublishAsync(envelope, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await Task.Run(() => session.Complete(DeliveryTimeout), cancellationToken).ConfigureAwait(false);
        LogPublished(target.TargetTopic, target.ReplayId, outcome.Sent, outcome.Failed, target.DryRun);
        return (outcome, session.Previews);
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

    private IProducer<byte[], byte[]> Producer()
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_producer is null)
            {
                var config = _connection.CreateProducerConfig("eventobserver-replay");
                config.EnableIdempotence = true;
                config.Acks = Acks.All;
                config.MessageTimeoutMs = (int)DeliveryTimeout.TotalMilliseconds;
                config.MessageMaxBytes = 16 * 1024 * 1024;
                _producer = new ProducerBuilder<byte[], byte[]>(config)
                    .SetLogHandler((_, message) => LogKafka(message.Level.ToString(), message.Message))
                    .Build();
            }

            return _producer;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayId} to {TargetTopic}: {Sent} sent, {Failed} failed (dry run: {DryRun})")]
    private partial void LogPublished(string targetTopic, string replayId, long sent, long failed, bool dryRun);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Replay producer [{KafkaLevel}] {KafkaMessage}")]
    private partial void LogKafka(string kafkaLevel, string kafkaMessage);
}
