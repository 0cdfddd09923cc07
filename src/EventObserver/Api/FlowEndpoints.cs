using EventObserver.Core.Selection;
using EventObserver.Flows;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Api;

public static class FlowEndpoints
{
    public static IEndpointRouteBuilder MapFlowEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/flows", GetFlows).WithTags("Flows");
        return routes;
    }

    private static Results<Ok<FlowMapDto>, ValidationProblem> GetFlows(QueryValue<TimeWindow> window, FlowMapReader reader)
    {
        if (window.Problem is not null)
        {
            return TypedResults.ValidationProblem(window.Problems, detail: "One or more query parameters are invalid.");
        }

        var read = window.ValueOr(FlowMapReader.DefaultWindow);
        return TypedResults.Ok(FlowDtoMapper.ToDto(reader.Read(read), read.Text));
    }
}
