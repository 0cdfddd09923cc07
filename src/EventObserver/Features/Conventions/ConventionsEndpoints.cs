using EventObserver.Core.Selection;
using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Features.Conventions;

public static class ConventionsEndpoints
{
    public static IEndpointRouteBuilder MapConventionsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/conventions", GetConventionsAsync).WithTags("Conventions");
        return routes;
    }

    private static async Task<Results<Ok<ConventionsDto>, ValidationProblem, ProblemHttpResult>> GetConventionsAsync(
        QueryValue<TimeWindow> window, ConventionQueries conventions, CancellationToken cancellationToken)
    {
        var asked = window.ValueOr(ConventionQueries.DefaultWindow);
        if (window.Problem is not null || !ConventionQueries.Windows.Contains(asked))
        {
            var allowed = string.Join(", ", ConventionQueries.Windows.Select(w => w.Text));
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { [window.Name] = [$"'{window.Text}' is not a window; use one of {allowed}."] },
                detail: "One or more query parameters are invalid.");
        }

        var read = await conventions.ReadAsync(asked, cancellationToken);
        return read.Succeeded ? TypedResults.Ok(ConventionsDtoMapper.ToDto(read.Value!)) : IndexReadProblems.Failed();
    }
}
