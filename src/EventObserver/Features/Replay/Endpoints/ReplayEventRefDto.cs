namespace EventObserver.Features.Replay.Endpoints;

/// <summary>The last event a run processed; <c>link</c> is its <c>/api/events/…</c> address.</summary>
/// <param name="Outcome"><c>applied</c>, <c>skipped</c> (no handler matched) or <c>failed</c>.</param>
/// <param name="PartitionKey">The partition it updated, for partitioned projections.</param>
public sealed record ReplayEventRefDto(string Topic, int Partition, long Offset, string? Type, DateTimeOffset Timestamp, string Outcome, string? PartitionKey, string Link);
