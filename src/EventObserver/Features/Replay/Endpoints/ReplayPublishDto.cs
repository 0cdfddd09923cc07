namespace EventObserver.Features.Replay.Endpoints;

/// <summary>A publish run's target and progress; for a dry run, <c>preview</c> lists the first messages it would send.</summary>
/// <param name="RatePerSec">Most events per second; null: as fast as Kafka takes them.</param>
/// <param name="Queued">Handed to the producer (or listed, for a dry run).</param>
/// <param name="Delivered">Acknowledged by Kafka; for a dry run, listed.</param>
/// <param name="Failed">Not delivered.</param>
/// <param name="WouldBeRefused">For a dry run: why the real publish would be refused; null when it would go ahead.</param>
/// <param name="Preview">For a dry run: the first messages it would send; empty in lists.</param>
public sealed record ReplayPublishDto(
    string TargetTopic,
    bool DryRun,
    double? RatePerSec,
    long Queued,
    long Delivered,
    long Failed,
    string? FirstError,
    string? WouldBeRefused,
    IReadOnlyList<ReplayPreviewDto> Preview);
