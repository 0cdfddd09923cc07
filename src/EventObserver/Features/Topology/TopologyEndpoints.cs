using EventObserver.Access;
using EventObserver.ApiDocs;
using EventObserver.Core.Selection;
using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Topology;

public static class TopologyEndpoints
{
    public static IEndpointRouteBuilder MapTopologyEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/topology", GetTopologyAsync)
            .WithTags("Topology")
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithMetadata(new QueryParameterDoc(
                "window",
                $"How far back producer rates are counted: {string.Join(", ", TopologyQueries.Windows.Select(w => w.Text))} or any duration up to {TimeWindow.Max.TotalDays:0} days such as 90s or 2h.")
            {
                Default = TopologyQueries.DefaultWindow.Text,
            })
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        return routes;
    }

    /// <summary>The service topology: producers (message sources) → topics → consumer groups, with rates and group lag.</summary>
    /// <remarks>
    /// Producer links carry the messages per second each source wrote over the window (at most the newest 200,000
    /// messages are counted; <c>capped</c> says so), group links what the group consumed per second at its last
    /// refresh. Only topics the caller may read appear, with their links; a group reading none of them is left out.
    /// </remarks>
    /// <response code="200">The topology.</response>
    /// <response code="400"><c>window</c> is not a duration.</response>
    /// <response code="500">The index could not be read.</response>
    public static async Task<Results<Ok<TopologyDto>, ValidationProblem, ProblemHttpResult>> GetTopologyAsync(
        QueryValue<TimeWindow> window, TopologyQueries topology, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (window.Problem is not null)
        {
            return QueryProblems.Invalid(window.Problems);
        }

        var asked = window.ValueOr(TopologyQueries.DefaultWindow);
        var read = await topology.ReadAsync(asked, user.Access, cancellationToken);
        return read.Succeeded ? TypedResults.Ok(TopologyDtoMapper.ToDto(read.Value!, asked.Text)) : IndexReadProblems.Failed();
    }
}
