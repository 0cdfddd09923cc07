namespace EventObserver.Features.Topics;

/// <summary>A consumer group that consumes the topic, with its lag on this topic only.</summary>
/// <param name="MaxTimeLagSeconds">The age of the oldest event it has not processed on this topic; null when unknown.</param>
public sealed record TopicGroupDto(string GroupId, string State, int Members, long Lag, double? MaxTimeLagSeconds, string? Error);
