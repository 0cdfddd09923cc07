using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Topics;

/// <summary><c>/api/topics</c> and the retention gaps, <c>/api/gaps</c>.</summary>
public static class TopicEndpoints
{
    public const int DefaultGapLimit = 100;
    public const int MaxGapLimit = 1000;

    public static IEndpointRouteBuilder MapTopicEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/topics", GetTopicsAsync).WithTags("Topics");
        routes.MapGet("/api/gaps", GetGapsAsync).WithTags("Stats");
        return routes;
    }

    private static async Task<Ok<TopicDto[]>> GetTopicsAsync(TopicQueries queries, CancellationToken cancellationToken)
    {
        var topics = await queries.GetTopicsAsync(cancellationToken);
        return TypedResults.Ok(topics
            .Select(t => new TopicDto(t.Name, t.Partitions, t.Indexed, t.LastEventAt, t.EventsPerSec, t.LostToRetention))
            .ToArray());
    }

    private static async Task<Results<Ok<RetentionGapDto[]>, ValidationProblem>> GetGapsAsync(
        [AsParameters] GapParameters query, TopicQueries queries, CancellationToken cancellationToken)
    {
        if (query.Limit is < 1 or > MaxGapLimit)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxGapLimit}."] },
                detail: "One or more query parameters are invalid.");
        }

        var gaps = await queries.GetGapsAsync(string.IsNullOrEmpty(query.Topic) ? null : query.Topic, query.Limit ?? DefaultGapLimit, cancellationToken);
        return TypedResults.Ok(gaps
            .Select(g => new RetentionGapDto(g.Topic, g.Partition, g.FirstOffset, g.LastOffset, g.Count, g.DetectedAt))
            .ToArray());
    }
}
