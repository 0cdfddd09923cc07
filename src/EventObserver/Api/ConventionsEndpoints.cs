using EventObserver.Conventions;

namespace EventObserver.Api;

public static class ConventionsEndpoints
{
    public static IEndpointRouteBuilder MapConventionsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/conventions", GetConventions)
            .WithTags("Conventions")
            .Produces<ConventionsDto>()
            .ProducesValidationProblem();
        return routes;
    }

    private static IResult GetConventions(string? window, ConventionsReader reader)
    {
        if (!ConventionWindow.TryParse(window, out var parsed))
        {
            var allowed = string.Join(", ", ConventionWindow.All.Select(w => w.Name));
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["window"] = [$"'{window}' is not a window; use one of {allowed}."] },
                detail: "One or more query parameters are invalid.");
        }

        return TypedResults.Ok(ConventionsDtoMapper.ToDto(reader.Read(parsed)));
    }
}
