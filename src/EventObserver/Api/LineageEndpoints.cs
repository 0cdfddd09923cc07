using EventObserver.Core.Envelopes;

namespace EventObserver.Api;

public static class LineageEndpoints
{
    public static IEndpointRouteBuilder MapLineageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/events/{topic}/{partition:int}/{offset:long}/lineage", GetEventLineage)
            .WithTags("Lineage")
            .Produces<LineageGraphDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/api/correlations/{correlationId}", GetCorrelation)
            .WithTags("Lineage")
            .Produces<LineageGraphDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static IResult GetEventLineage(string topic, int partition, long offset, HttpRequest request, LineageReader reader)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var direction = LineageQueryParser.Direction(request.Query, errors);
        var depth = LineageQueryParser.Depth(request.Query, errors);
        var maxNodes = LineageQueryParser.MaxNodes(request.Query, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "One or more query parameters are invalid.");
        }

        var graph = reader.ForEvent(new EventPosition(topic, partition, offset), direction, depth, maxNodes);
        return graph.Found
            ? TypedResults.Ok(LineageDtoMapper.ToDto(graph))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Event not found",
                detail: $"The index holds no event at {topic}/{partition}/{offset}.");
    }

    private static IResult GetCorrelation(string correlationId, HttpRequest request, LineageReader reader)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var maxNodes = LineageQueryParser.MaxNodes(request.Query, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "One or more query parameters are invalid.");
        }

        var graph = reader.ForCorrelation(correlationId, maxNodes);
        return graph.Found
            ? TypedResults.Ok(LineageDtoMapper.ToDto(graph))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Correlation not found",
                detail: $"No indexed message carries the correlation id '{correlationId}'.");
    }
}
