using System.Text.Json.Nodes;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Projections;

namespace EventObserver.Replay;

/// <summary>What a run does with each event: fold it into a projection, or publish it. Called on the run's thread only.</summary>
internal interface IReplayWork : IDisposable
{
    ReplayRunKind Kind { get; }
    long Applied { get; }
    long Skipped { get; }
    long Failed { get; }

    /// <summary>True once an error stopped the work (<see cref="ProjectionErrorMode.Stop"/>).</summary>
    bool IsStopped { get; }

    StepResult Process(EventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>The state to show (bounded), for snapshots.</summary>
    (JsonNode? State, bool Truncated, int Partitions) TakeState();

    /// <summary>The whole state, or one partition's.</summary>
    JsonNode? GetState(string? partitionKey);

    IReadOnlyList<ProjectionError> CopyErrors();

    ReplayPublishProgress? PublishProgress();

    /// <summary>Finishes the work (waits for deliveries, records the publish); returns why it failed, or null.</summary>
    string? Complete(ReplayRunStatus status, string? failure);
}
