using Confluent.Kafka;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Masking;

namespace EventObserver.Kafka.Replay;

/// <summary>
/// One publish in progress: paces, stamps and sends events (or, for a dry run, lists them). Sends are
/// pipelined; <see cref="Complete"/> waits for every delivery. Not thread-safe: one sender at a time.
/// </summary>
public sealed class ReplayPublishSession
{
    public const int MaxPreviews = 1000;

    private readonly IProducer<byte[], byte[]>? _producer;
    private readonly TimeProvider _time;
    private readonly ReplayRateLimiter? _limiter;
    private readonly List<PublishPreview> _previews = [];
    private long _queued;
    private long _delivered;
    private long _failed;
    private string? _firstError;

    internal ReplayPublishSession(PublishTarget target, IProducer<byte[], byte[]>? producer, TimeProvider time)
    {
        Target = target;
        _producer = producer;
        _time = time;
        _limiter = target.RatePerSec is { } rate ? new ReplayRateLimiter(rate, time) : null;
    }

    public PublishTarget Target { get; }

    /// <summary>Events handed to this session (queued for sending, or listed by a dry run).</summary>
    public long Queued => Interlocked.Read(ref _queued);
    public long Delivered => Interlocked.Read(ref _delivered);
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>For a dry run: the first <see cref="MaxPreviews"/> messages that would be sent.</summary>
    public IReadOnlyList<PublishPreview> Previews => _previews;

    /// <summary>Waits for the rate limit (blocking), then sends or lists one event.</summary>
    public void Publish(EventEnvelope envelope, CancellationToken cancellationToken) =>
        PublishAsync(envelope, cancellationToken).GetAwaiter().GetResult();

    public async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (_limiter is not null)
        {
            await _limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        if (_producer is null)
        {
            if (_previews.Count < MaxPreviews)
            {
                _previews.Add(new PublishPreview(
                    new EventPosition(envelope.Topic, envelope.Partition, envelope.Offset), Target.TargetTopic, envelope.MessageType,
                    envelope.Key, envelope.Payload?.Length ?? 0, ReplayMessages.Headers(envelope, Target.ReplayId, now)));
            }

            _queued++;
            return;
        }

        if (RawPayloadWithheld.Is(envelope))
        {
            // Masking at ingest kept only the masked JSON view of this decoded value: an empty value would corrupt the target.
            Interlocked.Increment(ref _failed);
            Interlocked.CompareExchange(ref _firstError, $"{envelope.Id}: its raw bytes were withheld by masking at ingest, so it cannot be re-published.", null);
            return;
        }

        var message = ReplayMessages.Create(envelope, Target.ReplayId, now);
        while (true)
        {
            try
            {
                _producer.Produce(Target.TargetTopic, message, OnDelivery);
                Interlocked.Increment(ref _queued);
                return;
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _producer.Poll(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for outstanding deliveries; what is still queued then counts as failed.</summary>
    public PublishOutcome Complete(TimeSpan timeout)
    {
        if (_producer is null)
        {
            return new PublishOutcome(_queued, 0, null);
        }

        var left = _producer.Flush(timeout);
        var failed = Failed;
        var error = _firstError;
        if (left > 0)
        {
            failed += left;
            error ??= $"{left} messages were not delivered within {timeout.TotalSeconds:0} s.";
        }

        return new PublishOutcome(Delivered, failed, error);
    }

    private void OnDelivery(DeliveryReport<byte[], byte[]> report)
    {
        if (report.Error.IsError)
        {
            Interlocked.Increment(ref _failed);
            Interlocked.CompareExchange(ref _firstError, report.Error.Reason, null);
        }
        else
        {
            Interlocked.Increment(ref _delivered);
        }
    }
}
