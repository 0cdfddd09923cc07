namespace EventObserver.Features.Replay.Endpoints;

/// <summary>The last event a run processed; <c>link</c> is its <c>/api/events/…</c> address.</summary>
public sealed record ReplayEventRefDto(string Topic, int Partition, long Offset, string? Type, DateTimeOffset Timestamp, string Outcome, string? PartitionKey, string Link);
