using System.Text.Json.Nodes;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Projections;
using EventObserver.Kafka.Replay;
using EventObserver.Storage.Projections;

namespace EventObserver.Features.Replay.Runs;

/// <summary>Re-publishes events through a <see cref="ReplayPublishSession"/> and keeps the publish log up to date.</summary>
internal sealed class PublishWork(ReplayPublishSession session, ProjectionStore store, PublishRecord record, string? wouldBeRefused, TimeProvider time) : IReplayWork
{
    public const int MaxPreviewsShown = 100;

    private readonly SortedSet<string> _sourceTopics = new(StringComparer.Ordinal);
    private PublishOutcome? _outcome;
    private long _applied;

    public ReplayRunKind Kind => ReplayRunKind.Publish;
    public long Applied => _applied;
    public long Skipped => 0;
    public long Failed => _outcome?.Failed ?? session.Failed;
    public bool IsStopped => false;

    /// <summary>How long the end of the run waits for deliveries still in flight; shorter when the app shuts down.</summary>
    public TimeSpan CompleteTimeout { get; set; } = ReplayPublisher.DeliveryTimeout;

    public object? Prepare(EventEnvelope envelope) => null;

    public StepResult Process(EventEnvelope envelope, object? prepared, CancellationToken cancellationToken)
    {
        session.Publish(envelope, cancellationToken);
        _sourceTopics.Add(envelope.Topic);
        _applied++;
        return new StepResult(StepOutcome.Applied);
    }

    public (JsonNode? State, bool Truncated, int Partitions) TakeState() => (null, false, 0);

    public JsonNode? GetState(string? partitionKey) => null;

    public byte[]? TakeFinalState(long maxBytes) => null;

    public IReadOnlyList<ProjectionError> CopyErrors() => [];

    public ReplayPublishProgress? PublishProgress()
    {
        var target = session.Target;
        var delivered = _outcome?.Sent ?? (target.DryRun ? session.Queued : session.Delivered);
        return new ReplayPublishProgress(
            target.TargetTopic, target.DryRun, target.RatePerSec, session.Queued, delivered, Failed,
            _outcome?.FirstError, [.. session.Previews.Take(MaxPreviewsShown)], wouldBeRefused);
    }

    public string? Complete(ReplayRunStatus status, string? failure)
    {
        try
        {
            _outcome = session.Complete(CompleteTimeout);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _outcome = new PublishOutcome(session.Delivered, session.Queued - session.Delivered, ex.Message);
        }

        if (failure is null && _outcome.Failed > 0)
        {
            failure = $"{_outcome.Failed} of {session.Queued} messages were not delivered: {_outcome.FirstError}";
        }

        var final = failure is not null && status == ReplayRunStatus.Completed ? ReplayRunStatus.Failed : status;
        store.RecordPublish(record with
        {
            SourceTopics = [.. _sourceTopics],
            Sent = _outcome.Sent,
            Failed = _outcome.Failed,
            Status = final.ToString().ToLowerInvariant(),
            Error = failure,
            FinishedAt = time.GetUtcNow(),
        });
        return failure;
    }

    public void Dispose()
    {
        // The producer is shared (ReplayPublisher); the session holds nothing of its own.
    }
}
