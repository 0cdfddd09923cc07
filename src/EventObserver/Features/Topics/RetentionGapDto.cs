namespace EventObserver.Features.Topics;

/// <summary>Offsets <c>firstOffset</c>–<c>lastOffset</c> of a partition, deleted by the broker before they were indexed.</summary>
public sealed record RetentionGapDto(string Topic, int Partition, long FirstOffset, long LastOffset, long Count, DateTimeOffset DetectedAt);
