using EventObserver.Monitoring;

namespace EventObserver.Features.Topics;

public static class TopicEndpoints
{
    public static IEndpointRouteBuilder MapTopicEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/topics", (TopicOverviewReader reader) =>
                TypedResults.Ok(reader.GetTopics()
                    .Select(t => new TopicDto(t.Name, t.Partitions, t.Indexed, t.LastEventAt, t.EventsPerSec, t.LostToRetention))
                    .ToArray()))
            .WithTags("Topics");
        return routes;
    }
}
