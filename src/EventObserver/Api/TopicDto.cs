namespace EventObserver.Api;

public sealed record TopicDto(string Name, int Partitions, long Indexed, DateTimeOffset? LastEventAt, double EventsPerSec, long LostToRetention);
