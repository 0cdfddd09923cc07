namespace EventObserver.Features.Topics;

/// <summary>One topic as the Topics page and <c>GET /api/topics</c> show it.</summary>
/// <param name="LostToRetention">Messages of the topic the broker deleted before they were indexed (retention gaps).</param>
public sealed record TopicOverview(string Name, int Partitions, long Indexed, DateTimeOffset? LastEventAt, double EventsPerSec, long LostToRetention = 0);
