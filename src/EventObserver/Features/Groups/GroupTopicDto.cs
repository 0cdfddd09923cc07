namespace EventObserver.Features.Groups;

/// <summary>A group's lag on one topic.</summary>
public sealed record GroupTopicDto(string Topic, int Partitions, long Lag, double? MaxTimeLagSeconds, double? ConsumedPerSecond);
