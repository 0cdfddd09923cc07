using EventObserver.Core.Projections;
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
        group.MapPost("/", StartAsync).Produces<ReplayStartedDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/", List);
        group.MapPost("/count", CountAsync).Produces<ReplaySelectionSummary>();
        group.MapPost("/compare", CompareAsync).Produces<ReplayComparisonDto>();
        group.MapGet("/publishes", ReplayLibraryEndpoints.ListPublishesAsync);
        group.MapGet("/templates", ReplayLibraryEndpoints.ListTemplates);
        group.MapGet("/{id}", Get).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/state", GetState);
        group.MapPost("/{id}/pause", (string id, ReplayRunManager runs) => Control(id, runs, r => r.Pause()));
        group.MapPost("/{id}/resume", (string id, ReplayRunManager runs) => Control(id, runs, r => r.Resume()));
        group.MapPost("/{id}/stop", (string id, ReplayRunManager runs) => Control(id, runs, r => r.Stop()));
        group.MapPost("/{id}/step", Step);
        group.MapPost("/{id}/run-to", RunTo);
        routes.MapReplayLibraryEndpoints();
        return routes;
    }

    private static async Task<IResult> StartAsync(HttpRequest request, ReplayRunManager runs, ReplayQueries queries, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (body, bodyProblem) = await ReplayBody.ReadAsync<ReplayRequestDto>(request, json, ct);
        if (body is null)
        {
            return bodyProblem!;
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

        var started = runs.Start(replay!);
        return started.Run is { } run
            ? TypedResults.Accepted($"/api/replays/{run.Id}", new ReplayStartedDto(run.Id))
            : ReplayProblems.From(started);
    }

    private static Ok<ReplayRunDto[]> List(ReplayRunManager runs) =>
        TypedResults.Ok(runs.List().Select(r => ReplayDtoMapper.ToDto(r.Snapshot, withState: false)).ToArray());

    private static Results<Ok<ReplayRunDto>, ProblemHttpResult> Get(string id, ReplayRunManager runs) =>
        runs.Get(id) is { } run ? TypedResults.Ok(ReplayDtoMapper.ToDto(run.Snapshot)) : NotFound(id);

    private static Results<Ok<ReplayStateDto>, ProblemHttpResult> GetState(string id, string? partition, ReplayRunManager runs)
    {
        if (runs.Get(id) is not { } run)
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

    private static Results<Ok<ReplayRunDto>, ValidationProblem, ProblemHttpResult> Step(string id, int? count, ReplayRunManager runs) =>
        count is < 1 or > 100_000
            ? Invalid("count", "count must be from 1 to 100000.")
            : Control(id, runs, r => r.Step(count ?? 1));

    private static Results<Ok<ReplayRunDto>, ValidationProblem, ProblemHttpResult> RunTo(string id, string? type, ReplayRunManager runs) =>
        string.IsNullOrWhiteSpace(type)
            ? Invalid("type", "Give the event type to run to, e.g. ?type=OrderShipped.")
            : Control(id, runs, r => r.RunTo(type));

    private static async Task<IResult> CountAsync(HttpRequest request, ReplayQueries queries, IOptions<JsonOptions> json, CancellationToken ct)
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

        var read = await queries.CountAsync(selection, ct);
        return read.Status == IndexReadStatus.Failed
            ? ReadFailed()
            : TypedResults.Ok(read.ValueOr(new ReplaySelectionSummary(0, 0, null)));
    }

    private static async Task<IResult> CompareAsync(HttpRequest request, ReplayRunManager runs, ReplayQueries queries, IOptions<JsonOptions> json, CancellationToken ct)
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

        var (comparison, problem) = await runs.CompareAsync(left!, right!, ct);
        return comparison is null
            ? ReplayProblems.From(problem!)
            : TypedResults.Ok(new ReplayComparisonDto(
                ReplayDtoMapper.ToDto(comparison.Left, withState: false),
                ReplayDtoMapper.ToDto(comparison.Right, withState: false),
                [.. comparison.Changes.Select(ReplayDtoMapper.ToChange)],
                comparison.ChangesTruncated));
    }

    private static Results<Ok<ReplayRunDto>, ValidationProblem, ProblemHttpResult> Control(string id, ReplayRunManager runs, Func<ReplayRun, ReplayCommandResult> command)
    {
        if (runs.Get(id) is not { } run)
        {
            return NotFound(id);
        }

        var result = command(run);
        return result.Accepted
            ? TypedResults.Ok(ReplayDtoMapper.ToDto(run.Snapshot, withState: false))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now", detail: result.Reason);
    }

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
