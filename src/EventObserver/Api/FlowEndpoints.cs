using EventObserver.Flows;

namespace EventObserver.Api;

public static class FlowEndpoints
{
    public static IEndpointRouteBuilder MapFlowEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/flows", GetFlows)
            .WithTags("Flows")
            .Produces<FlowMapDto>()
            .ProducesValidationProblem();
        return routes;
    }

    private static IResult GetFlows(HttpRequest request, FlowMapReader reader)
    {
        if (!FlowWindow.TryParse(request.Query["window"].ToString(), out var window, out var problem))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["window"] = [problem!] },
                detail: "One or more query parameters are invalid.");
        }

        return TypedResults.Ok(FlowDtoMapper.ToDto(reader.Read(window), window.Text));
    }
}
