using Microsoft.AspNetCore.Http.HttpResults;

namespace EventObserver.Shared;

/// <summary>How an endpoint answers a read that <see cref="IndexReads"/> reported as failed.</summary>
public static class IndexReadProblems
{
    /// <summary>
    /// A 500 problem, as an unhandled exception gave before reads went through <see cref="IndexReads"/>. The exception's
    /// message stays in the server log (<see cref="IndexReads"/> logged it): it can name files and internals.
    /// </summary>
    public static ProblemHttpResult Failed() => TypedResults.Problem(
        statusCode: StatusCodes.Status500InternalServerError,
        title: "The index could not be read",
        detail: "Reading the index failed; the error is in the server log.");
}
