namespace EventObserver.Storage.Projections;

/// <summary>
/// One re-publish of indexed events to a Kafka topic (or a dry run of one): what was selected, where it went, how
/// many, when. Recorded when it starts and updated when it ends.
/// </summary>
public sealed record PublishRecord
{
    /// <summary>The replay run's id, also sent as the <c>x-replay-id</c> header.</summary>
    public required string ReplayId { get; init; }
    public required string TargetTopic { get; init; }
    public required bool DryRun { get; init; }

    /// <summary>The selection, as the user gave it (JSON).</summary>
    public required string Selection { get; init; }

    /// <summary>Topics the selected events came from.</summary>
    public IReadOnlyList<string> SourceTopics { get; init; } = [];
    public required long Selected { get; init; }
    public long Sent { get; init; }
    public long Failed { get; init; }
    public double? RatePerSec { get; init; }

    /// <summary>running, completed, failed or stopped.</summary>
    public required string Status { get; init; }
    public string? Error { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}
