using EventObserver.Access;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Topics;

/// <summary><c>GET /api/topics/{name}</c>: one topic in detail.</summary>
public static class TopicDetailEndpoints
{
    public static IEndpointRouteBuilder MapTopicDetailEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/topics/{name}", GetTopicAsync)
            .WithTags("Topics")
            .RequireAuthorization(AccessPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>One topic: partitions (leader, replicas, in-sync replicas, watermarks, indexed range), rate, retention gaps, consuming groups and producers seen.</summary>
    /// <remarks>
    /// Fields the broker does not report are null. Producers are counted over at most the newest 10,000 events of the
    /// hour before the topic's last event. A topic the caller may not read answers 404 like an unknown one.
    /// </remarks>
    /// <param name="name">The topic's name.</param>
    /// <param name="queries">The topic detail queries.</param>
    /// <param name="user">The caller.</param>
    /// <param name="cancellationToken">Ends the read when the request is aborted.</param>
    /// <response code="200">The topic.</response>
    /// <response code="404">Neither the cluster nor the index knows a topic of that name that the caller may read.</response>
    public static async Task<Results<Ok<TopicDetailDto>, ProblemHttpResult>> GetTopicAsync(
        string name, TopicDetailQueries queries, ICurrentUser user, CancellationToken cancellationToken)
    {
        var topic = await queries.GetAsync(name, user.Access, cancellationToken);
        return topic is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Topic not found", detail: $"No topic named '{name}' is known.")
            : TypedResults.Ok(topic);
    }
}
