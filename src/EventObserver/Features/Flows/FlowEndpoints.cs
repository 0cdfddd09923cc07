using EventObserver.Access;
using EventObserver.ApiDocs;
using EventObserver.Core.Selection;
using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Flows;

public static class FlowEndpoints
{
    public static IEndpointRouteBuilder MapFlowEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/flows", GetFlowsAsync)
            .WithTags("Flows")
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithMetadata(new QueryParameterDoc(
                "window",
                $"How far back: {string.Join(", ", FlowQueries.Windows.Select(w => w.Text))} or any duration up to {TimeWindow.Max.TotalDays:0} days such as 90s or 2h.")
            {
                Default = FlowQueries.DefaultWindow.Text,
            })
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        return routes;
    }

    /// <summary>The flow map of a time window: message types as Event Storming stickies, in lanes by service, and who reacts to what.</summary>
    /// <remarks>
    /// Each edge carries its count and p50/p95 latency with example conversations; at most the newest
    /// 200,000 messages of the window are read (<c>capped</c> says so). Only messages on topics the caller may read are
    /// analysed: every count, type, lane and example is over those topics.
    /// </remarks>
    /// <response code="200">The flow map.</response>
    /// <response code="400"><c>window</c> is not a duration.</response>
    /// <response code="500">The index could not be read.</response>
    public static async Task<Results<Ok<FlowMapDto>, ValidationProblem, ProblemHttpResult>> GetFlowsAsync(
        QueryValue<TimeWindow> window, FlowQueries flows, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (window.Problem is not null)
        {
            return QueryProblems.Invalid(window.Problems);
        }

        var asked = window.ValueOr(FlowQueries.DefaultWindow);
        var read = await flows.ReadAsync(asked, user.Access, cancellationToken);
        return read.Succeeded ? TypedResults.Ok(FlowDtoMapper.ToDto(read.Value!, asked.Text)) : IndexReadProblems.Failed();
    }
}
