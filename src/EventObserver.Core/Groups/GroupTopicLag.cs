namespace EventObserver.Core.Groups;

/// <summary>A group's lag on one topic: the sum over its partitions and the largest time lag.</summary>
public sealed record GroupTopicLag(string Topic, int Partitions, long Lag, TimeSpan? MaxTimeLag, double? ConsumedPerSecond);
