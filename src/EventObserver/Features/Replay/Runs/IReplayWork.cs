using System.Text.Json.Nodes;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Projections;

namespace EventObserver.Features.Replay.Runs;

/// <summary>What a run does with each event: fold it into a projection, or publish it. Called on the run's thread only.</summary>
internal interface IReplayWork : IDisposable
{
    ReplayRunKind Kind { get; }
    long Applied { get; }
    long Skipped { get; }
    long Failed { get; }

    /// <summary>True once an error stopped the work (<see cref="ProjectionErrorMode.Stop"/>).</summary>
    bool IsStopped { get; }

    /// <summary>
    /// Work on an event that needs none of the work's state, done on the read-ahead thread before
    /// <see cref="Process"/> gets the event (and whatever this returned). Must be thread-safe and must not change
    /// the outcome, only save <see cref="Process"/> time.
    /// </summary>
    object? Prepare(EventEnvelope envelope);

    StepResult Process(EventEnvelope envelope, object? prepared, CancellationToken cancellationToken);

    /// <summary>The state to show (bounded), for snapshots.</summary>
    (JsonNode? State, bool Truncated, int Partitions) TakeState();

    /// <summary>The whole state, or one partition's.</summary>
    JsonNode? GetState(string? partitionKey);

    /// <summary>
    /// What a finished run keeps of its state once the work is released, as UTF-8 JSON of at most
    /// <paramref name="maxBytes"/>; null when the last snapshot already holds all of it, or it is too large.
    /// </summary>
    byte[]? TakeFinalState(long maxBytes);

    IReadOnlyList<ProjectionError> CopyErrors();

    ReplayPublishProgress? PublishProgress();

    /// <summary>Finishes the work (waits for deliveries, records the publish); returns why it failed, or null.</summary>
    string? Complete(ReplayRunStatus status, string? failure);
}
