namespace EventObserver.Kafka.Replay;

/// <summary>Where and how one replay re-publishes.</summary>
/// <param name="ReplayId">Sent as <c>x-replay-id</c>.</param>
/// <param name="RatePerSec">Most events sent per second; null for as fast as Kafka takes them.</param>
public sealed record PublishTarget(string TargetTopic, string ReplayId, bool DryRun, double? RatePerSec);
