namespace EventObserver.Kafka.Replay;

/// <summary>How a publish ended.</summary>
/// <param name="Sent">Delivered (acknowledged by Kafka); for a dry run, how many would have been sent.</param>
/// <param name="Failed">Not delivered.</param>
/// <param name="FirstError">The first delivery error, if any.</param>
public sealed record PublishOutcome(long Sent, long Failed, string? FirstError);
