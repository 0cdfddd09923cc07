namespace EventObserver.Features.Replay.Endpoints;

/// <summary>A publish run's target and progress; for a dry run, <c>preview</c> lists the first messages it would send.</summary>
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
