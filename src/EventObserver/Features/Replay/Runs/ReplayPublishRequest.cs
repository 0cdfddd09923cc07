namespace EventObserver.Features.Replay.Runs;

/// <summary>Re-publish the selection to <paramref name="TargetTopic"/> instead of running a projection.</summary>
/// <param name="TargetTopic">The topic to publish to; a legal Kafka topic name the configured guards allow.</param>
/// <param name="DryRun">List what would be sent, send nothing (allowed even when publishing is disabled).</param>
/// <param name="RatePerSec">Most events per second, from 0.01 to 1,000,000; null: as fast as Kafka takes them.</param>
/// <param name="ConfirmSameTopic">Required to publish into a topic the selection came from.</param>
public sealed record ReplayPublishRequest(string TargetTopic, bool DryRun = false, double? RatePerSec = null, bool ConfirmSameTopic = false)
{
    /// <summary>One event per 100 s: slower schedules overflow the pacing arithmetic and are no use for a replay.</summary>
    public const double MinRatePerSec = 0.01;
    public const double MaxRatePerSec = 1_000_000;
}
