using EventObserver.Conventions;
using EventObserver.Core.Selection;

using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Api;

public static class ConventionsEndpoints
{
    public static IEndpointRouteBuilder MapConventionsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/conventions", GetConventions).WithTags("Conventions");
        return routes;
    }

    private static Results<Ok<ConventionsDto>, ValidationProblem> GetConventions(QueryValue<TimeWindow> window, ConventionsReader reader)
    {
        var read = window.ValueOr(ConventionsReader.DefaultWindow);
        if (window.Problem is not null || !ConventionsReader.Windows.Contains(read))
        {
            var allowed = string.Join(", ", ConventionsReader.Windows.Select(w => w.Text));
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { [window.Name] = [$"'{window.Text}' is not a window; use one of {allowed}."] },
                detail: "One or more query parameters are invalid.");
        }

        return TypedResults.Ok(ConventionsDtoMapper.ToDto(reader.Read(read)));
    }
}
