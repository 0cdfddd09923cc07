using System.Text.Json.Nodes;

using EventObserver.Core.Projections;

namespace EventObserver.Features.Replay.Runs;

/// <summary>
/// What a run looked like at one moment; immutable once published (do not modify <see cref="State"/>). Taken after
/// every step, when the status changes, and periodically during a fast run; counters may be fresher on the run.
/// </summary>
public sealed record ReplayRunSnapshot
{
    public required string Id { get; init; }
    public required ReplayRunKind Kind { get; init; }
    public required ReplayRunStatus Status { get; init; }
    public string? Label { get; init; }
    public required long Processed { get; init; }
    public required long Total { get; init; }
    public long Applied { get; init; }
    public long Skipped { get; init; }
    public long Failed { get; init; }

    /// <summary>Average over the time the run was running (pauses excluded).</summary>
    public double EventsPerSec { get; init; }

    /// <summary>At the current rate; null before a rate is known or when finished.</summary>
    public TimeSpan? Eta { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The projection's state (partition key → state when partitioned); null for a publish.</summary>
    public JsonNode? State { get; init; }

    /// <summary>True when <see cref="State"/> holds only the most recently updated partitions.</summary>
    public bool StateTruncated { get; init; }
    public int PartitionCount { get; init; }

    /// <summary>How <see cref="State"/> differs from the previous snapshot's (after a step: what the step changed).</summary>
    public IReadOnlyList<JsonChange> Changes { get; init; } = [];
    public ReplayEventRef? LastEvent { get; init; }
    public IReadOnlyList<ProjectionError> Errors { get; init; } = [];

    /// <summary>Why a run failed when it was not a script error (the index went away, Kafka refused, …).</summary>
    public string? Message { get; init; }
    public ReplayPublishProgress? Publish { get; init; }

    public bool IsFinished => Status is ReplayRunStatus.Completed or ReplayRunStatus.Failed or ReplayRunStatus.Stopped;

    public double Percent => Total <= 0 ? (IsFinished ? 100 : 0) : Math.Min(100, Processed * 100.0 / Total);
}
