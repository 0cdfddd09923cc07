using EventObserver.Core.Indexing;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Events;

public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("Events");
        group.MapGet("/", ListEvents);
        group.MapGet("/{topic}/{partition:int}/{offset:long}", GetEvent)
            .Produces<EventDetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>The events of the selection in the query string (the feed page's names), newest first.</summary>
    private static Results<Ok<EventSummaryDto[]>, ValidationProblem> ListEvents(SelectionParameters query, ICurrentIndex indexes)
    {
        if (query.Problems.Count > 0)
        {
            return TypedResults.ValidationProblem(query.Problems, detail: "One or more query parameters are invalid.");
        }

        return TypedResults.Ok(indexes.TryGet(out var index) ? index.Query(query.Selection).Select(EventDtoMapper.ToSummary).ToArray() : []);
    }

    private static IResult GetEvent(string topic, int partition, long offset, ICurrentIndex indexes)
    {
        var envelope = indexes.TryGet(out var index) ? index.Get(topic, partition, offset) : null;
        return envelope is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Event not found",
                detail: $"The index holds no event at {topic}/{partition}/{offset}.")
            : TypedResults.Ok(EventDtoMapper.ToDetail(envelope));
    }
}
