using EventObserver.Access;
using EventObserver.Access.Enforcement;
using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Events;

public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("Events").RequireAuthorization(AccessPolicies.Viewer);
        group.MapGet("/", ListEventsAsync)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        group.MapGet("/{topic}/{partition:int}/{offset:long}", GetEventAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        return routes;
    }

    /// <summary>Events matching a selection, newest first.</summary>
    /// <remarks>
    /// Every filter is optional and they combine as AND. The names are the Live feed page's, so a feed URL's query works
    /// here and on <c>/replay</c>. A bad value is a 400 problem naming the parameter. Only topics the caller may read
    /// are searched; naming another one is a 403 problem saying which.
    /// </remarks>
    /// <response code="200">The matching events, newest first.</response>
    /// <response code="400">A query parameter is invalid (<c>errors</c> names it).</response>
    /// <response code="403">The selection names a topic the caller may not read.</response>
    /// <response code="500">The index could not be read.</response>
    public static async Task<Results<Ok<EventSummaryDto[]>, ValidationProblem, ProblemHttpResult>> ListEventsAsync(
        SelectionParameters query, EventQueries queries, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (query.Problems.Count > 0)
        {
            return QueryProblems.Invalid(query.Problems);
        }

        if (SelectionAccess.Refusal(query.Selection, user.Access) is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Topic not permitted", detail: refusal);
        }

        var read = await queries.QueryAsync(query.Selection, user.Access, cancellationToken);
        return read.Status == IndexReadStatus.Failed
            ? ReadFailed()
            : TypedResults.Ok(read.ValueOr([]).Select(EventDtoMapper.ToSummary).ToArray());
    }

    /// <summary>One event in full.</summary>
    /// <remarks>
    /// Headers carry <c>value</c> as text when they are text and <c>base64</c> always; the payload is JSON, text or base64
    /// (<c>payloadEncoding</c> says which).
    /// </remarks>
    /// <response code="200">The event.</response>
    /// <response code="404">The index holds no event at that position that the caller may read (a denied topic's events
    /// answer exactly like absent ones, so their existence does not show).</response>
    /// <response code="500">The index could not be read.</response>
    public static async Task<Results<Ok<EventDetailDto>, ProblemHttpResult>> GetEventAsync(
        [AsParameters] EventRoute route, EventQueries queries, ICurrentUser user, CancellationToken cancellationToken)
    {
        var read = await queries.GetAsync(route.Topic, route.Partition, route.Offset, user.Access, cancellationToken);
        if (read.Status == IndexReadStatus.Failed)
        {
            return ReadFailed();
        }

        return read.ValueOr(null) is { } envelope
            ? TypedResults.Ok(EventDtoMapper.ToDetail(envelope))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Event not found",
                detail: $"The index holds no event at {route.Topic}/{route.Partition}/{route.Offset}.");
    }

    // The cause is in the log (IndexReads logged it); like an unhandled exception, it is not echoed to the client.
    private static ProblemHttpResult ReadFailed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Reading the index failed");
}
