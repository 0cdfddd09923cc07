using EventObserver.Core.Indexing;

namespace EventObserver.Api;

public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("Events");
        group.MapGet("/", ListEvents)
            .Produces<EventSummaryDto[]>()
            .ProducesValidationProblem();
        group.MapGet("/{topic}/{partition:int}/{offset:long}", GetEvent)
            .Produces<EventDetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static IResult ListEvents(HttpRequest request, ICurrentIndex indexes)
    {
        var query = EventQueryParser.Parse(request.Query, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "One or more query parameters are invalid.");
        }

        if (!indexes.TryGet(out var index))
        {
            return TypedResults.Ok(Array.Empty<EventSummaryDto>());
        }

        return TypedResults.Ok(index.Query(query).Select(EventDtoMapper.ToSummary).ToArray());
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
