using EventObserver.Kafka.Replay;

namespace EventObserver.Features.Replay.Runs;

/// <summary>Where a publish run sends, and how far it got.</summary>
/// <param name="Queued">Handed to the producer (or listed, for a dry run).</param>
/// <param name="Delivered">Acknowledged by Kafka; for a dry run, listed.</param>
/// <param name="Previews">For a dry run: the first messages that would be sent.</param>
/// <param name="WouldBeRefused">For a dry run: why the real publish would be refused, or null when it would go ahead.</param>
public sealed record ReplayPublishProgress(
    string TargetTopic,
    bool DryRun,
    double? RatePerSec,
    long Queued,
    long Delivered,
    long Failed,
    string? FirstError,
    IReadOnlyList<PublishPreview> Previews,
    string? WouldBeRefused);
