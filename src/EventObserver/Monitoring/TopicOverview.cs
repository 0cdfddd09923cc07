namespace EventObserver.Monitoring;

/// <summary>One topic as the Topics page and <c>GET /api/topics</c> show it.</summary>
public sealed record TopicOverview(string Name, int Partitions, long Indexed, DateTimeOffset? LastEventAt, double EventsPerSec);
