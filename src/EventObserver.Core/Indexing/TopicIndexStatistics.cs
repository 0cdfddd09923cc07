namespace EventObserver.Core.Indexing;

public sealed record TopicIndexStatistics(string Topic, long Count, DateTimeOffset? LastEventAt, int PartitionsSeen, long LostToRetention = 0);
