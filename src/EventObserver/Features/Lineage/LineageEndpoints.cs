using EventObserver.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Lineage;

public static class LineageEndpoints
{
    public static IEndpointRouteBuilder MapLineageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/events/{topic}/{partition:int}/{offset:long}/lineage", GetEventLineageAsync)
            .WithTags("Lineage")
            .RequireAuthorization(AccessPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        routes.MapGet("/api/correlations/{correlationId}", GetCorrelationAsync)
            .WithTags("Lineage")
            .RequireAuthorization(AccessPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        return routes;
    }

    /// <summary>The lineage graph around one message: what caused it, what it caused, or both.</summary>
    /// <remarks>
    /// Edges are causation, correlation or dead-letter links with their latency; node ids are <c>topic/partition/offset</c>.
    /// A message on a topic the caller may not read is a <c>hidden</c> node: an opaque id and nothing else, its edges kept
    /// without latency. A start on such a topic is answered 404 like one the index does not hold.
    /// </remarks>
    /// <response code="200">The graph.</response>
    /// <response code="400">A query parameter is invalid (<c>errors</c> names it).</response>
    /// <response code="404">The index holds no event at that position, or none the caller may read.</response>
    /// <response code="500">The index could not be read.</response>
    public static async Task<Results<Ok<LineageGraphDto>, ValidationProblem, ProblemHttpResult>> GetEventLineageAsync(
        [AsParameters] EventLineageRequest request)
    {
        var walk = request.Walk;
        if (walk.Problems.Count > 0)
        {
            return QueryProblems.Invalid(walk.Problems);
        }

        var position = new EventPosition(request.Topic, request.Partition, request.Offset);
        var read = await request.Lineage.ForEventAsync(
            position, walk.Direction, walk.Depth, walk.MaxNodes, request.User.Access, request.CancellationToken);
        return Answer(read, () => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Event not found",
            detail: $"The index holds no event at {request.Topic}/{request.Partition}/{request.Offset}."));
    }

    /// <summary>The whole conversation of a correlation id as a lineage graph.</summary>
    /// <remarks>Messages on topics the caller may not read are <c>hidden</c> nodes; a conversation held only there is answered 404.</remarks>
    /// <response code="200">The graph.</response>
    /// <response code="400"><c>maxNodes</c> is invalid.</response>
    /// <response code="404">No indexed message the caller may read carries that correlation id.</response>
    /// <response code="500">The index could not be read.</response>
    public static async Task<Results<Ok<LineageGraphDto>, ValidationProblem, ProblemHttpResult>> GetCorrelationAsync(
        [AsParameters] CorrelationLineageRequest request)
    {
        if (request.Limit.Problems.Count > 0)
        {
            return QueryProblems.Invalid(request.Limit.Problems);
        }

        var read = await request.Lineage.ForCorrelationAsync(
            request.CorrelationId, request.Limit.MaxNodes, request.User.Access, request.CancellationToken);
        return Answer(read, () => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Correlation not found",
            detail: $"No indexed message carries the correlation id '{request.CorrelationId}'."));
    }

    private static Results<Ok<LineageGraphDto>, ValidationProblem, ProblemHttpResult> Answer(
        IndexRead<LineageGraph> read, Func<ProblemHttpResult> notFound) => read switch
        {
            { Succeeded: false } => IndexReadProblems.Failed(),
            { Value.Found: true } => TypedResults.Ok(LineageDtoMapper.ToDto(read.Value)),
            _ => notFound(),
        };
}
