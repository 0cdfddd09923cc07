using EventObserver.Features.Replay.Runs;
using EventObserver.Kafka.Replay;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>Why a replay did not start, as RFC 7807 problem details.</summary>
internal static class ReplayProblems
{
    public static IResult From(ReplayStartResult result) => result.Problem switch
    {
        ReplayStartProblem.InvalidRequest => TypedResults.ValidationProblem(result.Errors, detail: result.Message),
        ReplayStartProblem.CompileError => TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The projection does not compile",
            detail: result.Message,
            extensions: new Dictionary<string, object?> { ["line"] = result.CompileError?.Line, ["column"] = result.CompileError?.Column }),
        ReplayStartProblem.PublishRefused => TypedResults.Problem(
            statusCode: result.Refusal switch
            {
                PublishRefusal.SameTopicNeedsConfirmation => StatusCodes.Status409Conflict,
                PublishRefusal.InvalidTarget => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status403Forbidden,
            },
            title: "Re-publish refused",
            detail: result.Message,
            extensions: new Dictionary<string, object?> { ["refusal"] = Camel(result.Refusal.ToString()) }),
        ReplayStartProblem.AccessDenied => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Topic not permitted", detail: result.Message),
        ReplayStartProblem.TooManyRuns => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too many replays", detail: result.Message),
        ReplayStartProblem.NoIndex => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No index yet", detail: result.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Replay not started", detail: result.Message),
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
