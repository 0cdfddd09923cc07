using EventObserver.Core.Selection;
using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Flows;

public static class FlowEndpoints
{
    public static IEndpointRouteBuilder MapFlowEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/flows", GetFlowsAsync).WithTags("Flows");
        return routes;
    }

    private static async Task<Results<Ok<FlowMapDto>, ValidationProblem, ProblemHttpResult>> GetFlowsAsync(
        QueryValue<TimeWindow> window, FlowQueries flows, CancellationToken cancellationToken)
    {
        if (window.Problem is not null)
        {
            return TypedResults.ValidationProblem(window.Problems, detail: "One or more query parameters are invalid.");
        }

        var asked = window.ValueOr(FlowQueries.DefaultWindow);
        var read = await flows.ReadAsync(asked, cancellationToken);
        return read.Succeeded ? TypedResults.Ok(FlowDtoMapper.ToDto(read.Value!, asked.Text)) : IndexReadProblems.Failed();
    }
}
