using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Events;

public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("Events");
        group.MapGet("/", ListEventsAsync);
        group.MapGet("/{topic}/{partition:int}/{offset:long}", GetEventAsync)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>The events of the selection in the query string (the feed page's names), newest first.</summary>
    private static async Task<Results<Ok<EventSummaryDto[]>, ValidationProblem, ProblemHttpResult>> ListEventsAsync(
        SelectionParameters query, EventQueries queries, CancellationToken cancellationToken)
    {
        if (query.Problems.Count > 0)
        {
            return TypedResults.ValidationProblem(query.Problems, detail: "One or more query parameters are invalid.");
        }

        var read = await queries.QueryAsync(query.Selection, cancellationToken);
        return read.Status == IndexReadStatus.Failed
            ? ReadFailed()
            : TypedResults.Ok(read.ValueOr([]).Select(EventDtoMapper.ToSummary).ToArray());
    }

    private static async Task<Results<Ok<EventDetailDto>, ProblemHttpResult>> GetEventAsync(
        [AsParameters] EventRoute route, EventQueries queries, CancellationToken cancellationToken)
    {
        var read = await queries.GetAsync(route.Topic, route.Partition, route.Offset, cancellationToken);
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
