namespace EventObserver.Features.Topics;

public sealed record TopicDto(string Name, int Partitions, long Indexed, DateTimeOffset? LastEventAt, double EventsPerSec, long LostToRetention);
