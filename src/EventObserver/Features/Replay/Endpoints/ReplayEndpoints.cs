using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using EventObserver.Access;
using EventObserver.Access.Authorization;
using EventObserver.Access.Enforcement;
using EventObserver.Core.Projections;
using EventObserver.Features.Audit;
using EventObserver.Features.Replay.Runs;
using EventObserver.Shared;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>
/// <c>/api/replays</c>: start, observe and drive replay runs; count selections; compare; the publish log. Bodies are
/// read by <see cref="ReplayBody"/> (broken JSON is a problem naming the body, not the framework's bare 400).
/// </summary>
public static class ReplayEndpoints
{
    public static IEndpointRouteBuilder MapReplayEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/replays").WithTags("Replays");
        group.MapPost("/", StartAsync)
            .RequireAuthorization(AccessPolicies.Operator)
            .WithSummary("Start a replay run")
            .WithDescription("Replays a selection (oldest first) into a sandboxed projection — JavaScript, a built-in template " +
                "or a saved projection — or re-publishes it to a topic (dry run, rate, same-topic confirmation). Answers 202 with " +
                "the run's id and its address in Location; follow it with GET /api/replays/{id}. 403 also when a publish guard " +
                "refuses (publishing disabled, target not allowed; 'refusal' names which) or the selection or target names a topic the " +
                "caller may not read, 409 when the target is a source topic " +
                "without confirmSameTopic or too many runs are running or paused, 503 before the index exists. A real re-publish (publish " +
                "without dryRun) also needs the Publisher role (403 otherwise).")
            .Accepts<ReplayRequestDto>(Json)
            .Produces<ReplayStartedDto>(StatusCodes.Status202Accepted)
            .ProducesReplayProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable)
            .ProducesBodyProblems();
        group.MapGet("/", List)
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithSummary("List replay runs")
            .WithDescription("Running, paused and kept finished runs the caller may see (their own, or every run for a caller " +
                "who reads every topic), without their state, changes or previews.");
        // Counting reads the index and changes nothing: a read, although its selection comes as a body.
        group.MapPost("/count", CountAsync)
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithSummary("Count a selection")
            .WithDescription("How many events a replay of this selection would read (after its limit), how many match " +
                "before the limit, and for dead letters the original topic their headers name. 403 when the selection names a " +
                "topic the caller may not read.")
            .Accepts<ReplaySelectionDto>(Json)
            .Produces<ReplaySelectionSummary>()
            .ProducesReplayProblems(StatusCodes.Status403Forbidden, StatusCodes.Status500InternalServerError)
            .ProducesBodyProblems();
        group.MapPost("/compare", CompareAsync)
            .RequireAuthorization(AccessPolicies.Operator)
            .WithSummary("Compare two projections")
            .WithDescription("Runs two projection requests to the end and diffs their final states left → right: two " +
                "versions over one selection, or one projection over two selections. Both runs stay listed; the request " +
                "waits for them, and cancelling it stops them. Publishes cannot be compared (400).")
            .Accepts<ReplayCompareRequestDto>(Json)
            .Produces<ReplayComparisonDto>()
            .ProducesReplayProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable)
            .ProducesBodyProblems();
        group.MapGet("/publishes", ReplayLibraryEndpoints.ListPublishesAsync)
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithSummary("List the publish log")
            .WithDescription("Re-publishes that were started (dry runs included), newest first.");
        group.MapGet("/templates", ReplayLibraryEndpoints.ListTemplates)
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithSummary("List built-in projection templates")
            .WithDescription("Scripts to start from; POST /api/replays runs one by its name in 'template'.");
        group.MapGet("/{id}", Get)
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithSummary("Get a replay run")
            .WithDescription("Progress, current state (partition key → state when partitioned; with many partitions only the " +
                "most recently updated), recent changes, the last event, errors and, for a dry run, the preview. Finished " +
                "runs are dropped oldest first (404).")
            .ProducesReplayProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/state", GetState)
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithSummary("Get a run's whole state")
            .WithDescription("The whole current state, unclipped, or one partition's; null for a publish. 422 when the " +
                "projection's state cannot be turned into JSON.")
            .ProducesReplayProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        MapControl(group, "/{id}/pause", Pause, "Pause a run", "Only while it runs; 409 otherwise.");
        MapControl(group, "/{id}/resume", Resume, "Resume a run", "Also cancels a pending run-to; 409 once finished.");
        MapControl(group, "/{id}/stop", Stop, "Stop a run", "Running or paused; 409 once finished.");
        MapControl(group, "/{id}/step", Step, "Step a paused run", "Processes 'count' more events, then stays paused; " +
            "409 unless paused.");
        MapControl(group, "/{id}/run-to", RunTo, "Run to an event type", "Runs until an event of 'type' has been processed, " +
            "then pauses after it (so its change shows); 409 once finished.");
        routes.MapReplayLibraryEndpoints();
        return routes;
    }

    private const string Json = "application/json";
    private const string RunId = "The run's id, as POST /api/replays answered it.";
    private const int MaxStep = 100_000;

    /// <summary>The controls take no body; the 403 and 415 are the request guard's, as for every state-changing call.</summary>
    private static RouteHandlerBuilder MapControl(RouteGroupBuilder group, string pattern, Delegate handler, string summary, string description) =>
        group.MapPost(pattern, handler)
            .RequireAuthorization(AccessPolicies.Operator)
            .WithSummary(summary)
            .WithDescription(description + " Answers the run without its state.")
            .ProducesReplayProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status415UnsupportedMediaType);

    private static async Task<IResult> StartAsync(
        HttpRequest request, ReplayRunManager runs, ReplayQueries queries, ICurrentUser user, IAuditLog audit, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (body, bodyProblem) = await ReplayBody.ReadAsync<ReplayRequestDto>(request, json, ct);
        if (body is null)
        {
            return bodyProblem!;
        }

        // The endpoint asks for Operator (projections, dry runs); a real re-publish asks for Publisher as well.
        if (body.Publish is { DryRun: false } && !user.Access.IsInRole(AccessRoles.Publisher))
        {
            const string reason = "You need the Publisher role to re-publish events; a dry run needs Operator.";
            AccessProblems.RecordDenied(audit, request.HttpContext, user.Access.Name, reason);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Access denied", detail: reason);
        }

        if (ApiTextLimits.Check(body) is { Count: > 0 } tooLong)
        {
            return TooLong(tooLong);
        }

        var (replay, problem) = await ReplayRequestReader.ToRequestAsync(body, queries, ct);
        if (problem is not null)
        {
            return problem;
        }

        var started = runs.Start(replay! with { Actor = AuditActor.Of(user.Access, request.HttpContext) }, user.Access);
        return started.Run is { } run
            ? TypedResults.Accepted($"/api/replays/{run.Id}", new ReplayStartedDto(run.Id))
            : ReplayProblems.From(started);
    }

    private static Ok<ReplayRunDto[]> List(ReplayRunManager runs, ICurrentUser user) =>
        TypedResults.Ok(runs.List(user.Access).Select(r => ReplayDtoMapper.ToDto(r.Snapshot, withState: false)).ToArray());

    private static Results<Ok<ReplayRunDto>, ProblemHttpResult> Get([Description(RunId)] string id, ReplayRunManager runs, ICurrentUser user) =>
        runs.Get(id, user.Access) is { } run ? TypedResults.Ok(ReplayDtoMapper.ToDto(run.Snapshot)) : NotFound(id);

    private static Results<Ok<ReplayStateDto>, ProblemHttpResult> GetState(
        [Description(RunId)] string id,
        [Description("A partition key of a partitioned projection: only that partition's state. Empty or absent: the whole state.")] string? partition,
        ReplayRunManager runs,
        ICurrentUser user)
    {
        if (runs.Get(id, user.Access) is not { } run)
        {
            return NotFound(id);
        }

        try
        {
            return TypedResults.Ok(new ReplayStateDto(id, partition, run.GetState(string.IsNullOrEmpty(partition) ? null : partition)));
        }
        catch (ProjectionStateException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The state has no JSON form", detail: ex.Error.Message);
        }
    }

    private static Results<Ok<ReplayRunDto>, ProblemHttpResult> Pause([Description(RunId)] string id, ReplayRunManager runs, ICurrentUser user) =>
        Control(id, runs, user, r => r.Pause());

    private static Results<Ok<ReplayRunDto>, ProblemHttpResult> Resume([Description(RunId)] string id, ReplayRunManager runs, ICurrentUser user) =>
        Control(id, runs, user, r => r.Resume(), advances: true);

    private static Results<Ok<ReplayRunDto>, ProblemHttpResult> Stop([Description(RunId)] string id, ReplayRunManager runs, ICurrentUser user) =>
        Control(id, runs, user, r => r.Stop());

    // [Range] and [DefaultValue] only describe the parameter (the app registers no parameter validation): the handler
    // checks the range itself, so the answer stays the 400 problem naming 'count'.
    private static Results<Ok<ReplayRunDto>, ValidationProblem, ProblemHttpResult> Step(
        [Description(RunId)] string id,
        [Description("How many events to process before pausing again: 1 to 100,000."), Range(1, MaxStep), DefaultValue(1)] int? count,
        ReplayRunManager runs,
        ICurrentUser user) =>
        count is < 1 or > MaxStep
            ? Invalid("count", "count must be from 1 to 100000.")
            : WithValidation(Control(id, runs, user, r => r.Step(count ?? 1), advances: true));

    private static Results<Ok<ReplayRunDto>, ValidationProblem, ProblemHttpResult> RunTo(
        [Description(RunId)] string id,
        [Description("The event type to run to, e.g. OrderShipped (required).")] string? type,
        ReplayRunManager runs,
        ICurrentUser user) =>
        string.IsNullOrWhiteSpace(type)
            ? Invalid("type", "Give the event type to run to, e.g. ?type=OrderShipped.")
            : WithValidation(Control(id, runs, user, r => r.RunTo(type), advances: true));

    private static async Task<IResult> CountAsync(HttpRequest request, ReplayQueries queries, ICurrentUser user, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (body, bodyProblem) = await ReplayBody.ReadAsync<ReplaySelectionDto>(request, json, ct);
        if (body is null)
        {
            return bodyProblem!;
        }

        var selection = body.ToSelection(out var errors);
        foreach (var (field, messages) in ApiTextLimits.Check(body))
        {
            errors[field] = messages;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The selection is invalid.");
        }

        if (SelectionAccess.Refusal(selection, user.Access) is { } refusal)
        {
            return ReplayProblems.From(ReplayStartResult.Failed(ReplayStartProblem.AccessDenied, refusal));
        }

        var read = await queries.CountAsync(selection, user.Access, ct);
        return read.Status == IndexReadStatus.Failed
            ? ReadFailed()
            : TypedResults.Ok(read.ValueOr(new ReplaySelectionSummary(0, 0, null)));
    }

    private static async Task<IResult> CompareAsync(
        HttpRequest request, ReplayRunManager runs, ReplayQueries queries, ICurrentUser user, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (body, bodyProblem) = await ReplayBody.ReadAsync<ReplayCompareRequestDto>(request, json, ct);
        if (body is null)
        {
            return bodyProblem!;
        }

        if (body.Left is null || body.Right is null)
        {
            return Invalid("body", "Give both 'left' and 'right' projection requests.");
        }

        if (ApiTextLimits.Check(body.Left, "left.").Concat(ApiTextLimits.Check(body.Right, "right.")).ToDictionary() is { Count: > 0 } tooLong)
        {
            return TooLong(tooLong);
        }

        var (left, leftProblem) = await ReplayRequestReader.ToRequestAsync(body.Left, queries, ct);
        if (leftProblem is not null)
        {
            return leftProblem;
        }

        var (right, rightProblem) = await ReplayRequestReader.ToRequestAsync(body.Right, queries, ct);
        if (rightProblem is not null)
        {
            return rightProblem;
        }

        var actor = AuditActor.Of(user.Access, request.HttpContext);
        var (comparison, problem) = await runs.CompareAsync(left! with { Actor = actor }, right! with { Actor = actor }, user.Access, ct);
        return comparison is null
            ? ReplayProblems.From(problem!)
            : TypedResults.Ok(new ReplayComparisonDto(
                ReplayDtoMapper.ToDto(comparison.Left, withState: false),
                ReplayDtoMapper.ToDto(comparison.Right, withState: false),
                [.. comparison.Changes.Select(ReplayDtoMapper.ToChange)],
                comparison.ChangesTruncated));
    }

    private static Results<Ok<ReplayRunDto>, ProblemHttpResult> Control(
        string id, ReplayRunManager runs, ICurrentUser user, Func<ReplayRun, ReplayCommandResult> command, bool advances = false)
    {
        if (runs.Get(id, user.Access) is not { } run)
        {
            return NotFound(id);
        }

        if (advances && ReplayRunControlAccess.RefuseAdvance(run.Snapshot, user.Access) is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Access denied", detail: refusal);
        }

        var result = command(run);
        return result.Accepted
            ? TypedResults.Ok(ReplayDtoMapper.ToDto(run.Snapshot, withState: false))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now", detail: result.Reason);
    }

    private static Results<Ok<ReplayRunDto>, ValidationProblem, ProblemHttpResult> WithValidation(Results<Ok<ReplayRunDto>, ProblemHttpResult> result) =>
        result.Result is Ok<ReplayRunDto> ok ? ok : (ProblemHttpResult)result.Result;

    internal static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    private static ValidationProblem TooLong(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "Some values are longer than the API accepts.");

    // The cause is in the log (IndexReads logged it); like an unhandled exception, it is not echoed to the client.
    private static ProblemHttpResult ReadFailed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Reading the index failed");

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Replay not found",
        detail: $"No replay '{id}' is kept (finished runs are dropped oldest first).");
}
