using EventObserver.Access;
using EventObserver.ApiDocs;
using EventObserver.Core.Selection;
using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Conventions;

public static class ConventionsEndpoints
{
    public static IEndpointRouteBuilder MapConventionsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/conventions", GetConventionsAsync)
            .WithTags("Conventions")
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithMetadata(new QueryParameterDoc("window", "How far back.")
            {
                Allowed = [.. ConventionQueries.Windows.Select(w => w.Text)],
                Default = ConventionQueries.DefaultWindow.Text,
            })
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        return routes;
    }

    /// <summary>The naming and id conventions check over the newest messages of a window, per source.</summary>
    /// <remarks>
    /// Rules: events not named in the past tense, commands not in the imperative, messages without a type, a correlation
    /// id or a causation id (the first message of a conversation counts as its start, not as a break). Only messages on
    /// topics the caller may read are checked.
    /// </remarks>
    /// <response code="200">The findings per source.</response>
    /// <response code="400"><c>window</c> is not one of the allowed windows.</response>
    /// <response code="500">The index could not be read.</response>
    public static async Task<Results<Ok<ConventionsDto>, ValidationProblem, ProblemHttpResult>> GetConventionsAsync(
        QueryValue<TimeWindow> window, ConventionQueries conventions, ICurrentUser user, CancellationToken cancellationToken)
    {
        var asked = window.ValueOr(ConventionQueries.DefaultWindow);
        if (window.Problem is not null || !ConventionQueries.Windows.Contains(asked))
        {
            var allowed = string.Join(", ", ConventionQueries.Windows.Select(w => w.Text));
            return QueryProblems.Invalid(window.Name, $"'{window.Text}' is not a window; use one of {allowed}.");
        }

        var read = await conventions.ReadAsync(asked, user.Access, cancellationToken);
        return read.Succeeded ? TypedResults.Ok(ConventionsDtoMapper.ToDto(read.Value!)) : IndexReadProblems.Failed();
    }
}
