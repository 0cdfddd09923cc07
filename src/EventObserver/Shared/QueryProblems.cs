using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Shared;

/// <summary>The one shape of a 400 for bad query parameters: a validation problem naming each parameter.</summary>
public static class QueryProblems
{
    public const string Detail = "One or more query parameters are invalid.";

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: Detail);

    public static ValidationProblem Invalid(string parameter, string message) =>
        Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [parameter] = [message] });
}
