using EventObserver.Core.Indexing;
using EventObserver.Core.Projections;
using EventObserver.Core.Selection;
using EventObserver.Features.Audit;

namespace EventObserver.Features.Replay.Runs;

/// <summary>What to replay and what to do with it: exactly one of <see cref="Script"/> and <see cref="Publish"/>.</summary>
public sealed record ReplayRequest
{
    public const int MaxScriptLength = 256 * 1024;

    public EventSelection Selection { get; init; } = EventSelection.All;

    /// <summary>A JavaScript projection (see <see cref="ProjectionRunner"/>).</summary>
    public string? Script { get; init; }
    public ReplayPublishRequest? Publish { get; init; }

    /// <summary>What a projection run does at a failing event.</summary>
    public ProjectionErrorMode OnError { get; init; } = ProjectionErrorMode.Stop;

    /// <summary>Start paused, before the first event, to step through from the start.</summary>
    public bool StartPaused { get; init; }

    /// <summary>A name shown in lists (e.g. the saved projection and version).</summary>
    public string? Label { get; init; }

    /// <summary>Who asked for the run: the audit log records it (pages: the circuit's user; the API: the request's).</summary>
    public AuditActor Actor { get; init; } = AuditActor.System;

    /// <summary>Keep the whole final state (up to <see cref="ReplayRun.MaxFinalStateBytes"/>) however many partitions: compare needs it.</summary>
    internal bool KeepFinalState { get; init; }

    /// <summary>
    /// The per-partition high positions the run reads below; null: the index's checkpoints when it starts. A compare gives
    /// both sides the same ones, so a growing index cannot make one side read more.
    /// </summary>
    internal IReadOnlyDictionary<TopicPartitionKey, long>? EndOffsets { get; init; }

    /// <summary>Set on the two runs of a compare, so lists show them as one entry.</summary>
    internal ReplayCompareTag? Compare { get; init; }
}
