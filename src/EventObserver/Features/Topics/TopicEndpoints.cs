using EventObserver.Access;
using EventObserver.ApiDocs;
using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Topics;

/// <summary><c>/api/topics</c> and the retention gaps, <c>/api/gaps</c>.</summary>
public static class TopicEndpoints
{
    public const int DefaultGapLimit = 100;
    public const int MaxGapLimit = 1000;

    public static IEndpointRouteBuilder MapTopicEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/topics", GetTopicsAsync).WithTags("Topics").RequireAuthorization(AccessPolicies.Viewer);
        routes.MapGet("/api/gaps", GetGapsAsync)
            .WithTags("Stats")
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithMetadata(new QueryParameterDoc("limit", "How many of the newest gaps to return.", QueryParameterDoc.Integer)
            {
                Minimum = 1, Maximum = MaxGapLimit, Default = DefaultGapLimit,
            });
        return routes;
    }

    /// <summary>Every topic of the cluster with its partitions, indexed count, last event, rate and retention losses.</summary>
    /// <remarks>Only the topics the caller may read.</remarks>
    /// <returns>The topics.</returns>
    public static async Task<Ok<TopicDto[]>> GetTopicsAsync(TopicQueries queries, ICurrentUser user, CancellationToken cancellationToken)
    {
        var topics = await queries.GetTopicsAsync(user.Access, cancellationToken);
        return TypedResults.Ok(topics
            .Select(t => new TopicDto(t.Name, t.Partitions, t.Indexed, t.LastEventAt, t.EventsPerSec, t.LostToRetention))
            .ToArray());
    }

    /// <summary>Retention gaps, newest first: offsets the broker deleted before they were indexed.</summary>
    /// <remarks>
    /// Ingestion went on from the oldest offset the broker still had. Kept in the index file as long as
    /// <c>Storage:MaxAge</c>, at most the newest 10,000. Only gaps of topics the caller may read.
    /// </remarks>
    /// <param name="topic">Only this topic's gaps; every topic's when absent.</param>
    /// <param name="limit">How many of the newest gaps to return.</param>
    /// <param name="queries">The topic queries.</param>
    /// <param name="user">The caller.</param>
    /// <param name="cancellationToken">Ends the read when the request is aborted.</param>
    /// <response code="200">The gaps, newest first.</response>
    /// <response code="400"><c>limit</c> is out of range.</response>
    public static async Task<Results<Ok<RetentionGapDto[]>, ValidationProblem>> GetGapsAsync(
        string? topic, int? limit, TopicQueries queries, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxGapLimit)
        {
            return QueryProblems.Invalid("limit", $"limit must be between 1 and {MaxGapLimit}.");
        }

        var gaps = await queries.GetGapsAsync(string.IsNullOrEmpty(topic) ? null : topic, limit ?? DefaultGapLimit, user.Access, cancellationToken);
        return TypedResults.Ok(gaps
            .Select(g => new RetentionGapDto(g.Topic, g.Partition, g.FirstOffset, g.LastOffset, g.Count, g.DetectedAt))
            .ToArray());
    }
}
