using EventObserver.Core.Projections;
using EventObserver.Features.Replay.Runs;

namespace EventObserver.Features.Replay;

/// <summary>Why the server did not start a run, as one sentence for the page.</summary>
public static class ReplayProblemText
{
    public static string Explain(ReplayStartResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Problem switch
        {
            ReplayStartProblem.CompileError when result.CompileError is { } error => "The projection does not compile: " + Explain(error),
            ReplayStartProblem.InvalidRequest when result.Errors.Count > 0 =>
                (result.Message ?? "The request is invalid.") + " " + string.Join(" ", result.Errors.Values.SelectMany(v => v)),
            _ => result.Message ?? result.Problem.ToString(),
        };
    }

    /// <summary>A compile error with where it is: "Unexpected end of input (line 1, column 21)".</summary>
    public static string Explain(ProjectionError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Message + (error.Line is { } line ? $" (line {line}{(error.Column is { } column ? $", column {column}" : "")})" : "");
    }
}
