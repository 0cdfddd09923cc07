using EventObserver.Replay;
using EventObserver.Storage.Projections;

using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace EventObserver.Api;

/// <summary><c>/api/replays</c>: start, observe and drive replay runs; count selections; compare; the publish log.</summary>
public static class ReplayEndpoints
{
    public static IEndpointRouteBuilder MapReplayEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/replays").WithTags("Replays");
        group.MapPost("/", StartAsync).Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/", List).Produces<ReplayRunDto[]>();
        group.MapPost("/count", CountAsync).Produces<ReplaySelectionSummary>();
        group.MapPost("/compare", CompareAsync);
        group.MapGet("/publishes", ReplayLibraryEndpoints.ListPublishes);
        group.MapGet("/templates", ReplayLibraryEndpoints.ListTemplates);
        group.MapGet("/{id}", Get).Produces<ReplayRunDto>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/state", GetState);
        group.MapPost("/{id}/pause", (string id, ReplayRunManager runs) => Control(id, runs, r => r.Pause()));
        group.MapPost("/{id}/resume", (string id, ReplayRunManager runs) => Control(id, runs, r => r.Resume()));
        group.MapPost("/{id}/stop", (string id, ReplayRunManager runs) => Control(id, runs, r => r.Stop()));
        group.MapPost("/{id}/step", (string id, int? count, ReplayRunManager runs) => count is < 1 or > 100_000
            ? Invalid("count", "count must be from 1 to 100000.")
            : Control(id, runs, r => r.Step(count ?? 1)));
        group.MapPost("/{id}/run-to", (string id, string? type, ReplayRunManager runs) => string.IsNullOrWhiteSpace(type)
            ? Invalid("type", "Give the event type to run to, e.g. ?type=OrderShipped.")
            : Control(id, runs, r => r.RunTo(type)));
        routes.MapReplayLibraryEndpoints();
        return routes;
    }

    private static async Task<IResult> StartAsync(HttpRequest request, ReplayRunManager runs, ProjectionStore store, IOptions<JsonOptions> json, CancellationToken ct)
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

        var (replay, problem) = ReplayRequestReader.ToRequest(body, store);
        if (problem is not null)
        {
            return problem;
        }

        var started = runs.Start(replay!);
        return started.Run is { } run
            ? TypedResults.Accepted($"/api/replays/{run.Id}", new { id = run.Id })
            : ReplayProblems.From(started);
    }

    private static IResult List(ReplayRunManager runs) =>
        TypedResults.Ok(runs.List().Select(r => ReplayDtoMapper.ToDto(r.Snapshot, withState: false)).ToArray());

    private static IResult Get(string id, ReplayRunManager runs) =>
        runs.Get(id) is { } run ? TypedResults.Ok(ReplayDtoMapper.ToDto(run.Snapshot)) : NotFound(id);

    private static IResult GetState(string id, string? partition, ReplayRunManager runs)
    {
        if (runs.Get(id) is not { } run)
        {
            return NotFound(id);
        }

        try
        {
            return TypedResults.Ok(new { id, partition, state = run.GetState(string.IsNullOrEmpty(partition) ? null : partition) });
        }
        catch (Core.Projections.ProjectionStateException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The state has no JSON form", detail: ex.Error.Message);
        }
    }

    private static async Task<IResult> CountAsync(HttpRequest request, ReplayRunManager runs, IOptions<JsonOptions> json, CancellationToken ct)
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

        return runs.Describe(selection) is { } summary
            ? TypedResults.Ok(summary)
            : TypedResults.Ok(new ReplaySelectionSummary(0, 0, null));
    }

    private static async Task<IResult> CompareAsync(HttpRequest request, ReplayRunManager runs, ProjectionStore store, IOptions<JsonOptions> json, CancellationToken ct)
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

        var (left, leftProblem) = ReplayRequestReader.ToRequest(body.Left, store);
        if (leftProblem is not null)
        {
            return leftProblem;
        }

        var (right, rightProblem) = ReplayRequestReader.ToRequest(body.Right, store);
        if (rightProblem is not null)
        {
            return rightProblem;
        }

        var (comparison, problem) = await runs.CompareAsync(left!, right!, ct);
        return comparison is null
            ? ReplayProblems.From(problem!)
            : TypedResults.Ok(new
            {
                left = ReplayDtoMapper.ToDto(comparison.Left, withState: false),
                right = ReplayDtoMapper.ToDto(comparison.Right, withState: false),
                changes = comparison.Changes.Select(ReplayDtoMapper.ToChange).ToArray(),
                changesTruncated = comparison.ChangesTruncated,
            });
    }

    private static IResult Control(string id, ReplayRunManager runs, Func<ReplayRun, ReplayCommandResult> command)
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

    internal static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    private static IResult TooLong(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "Some values are longer than the API accepts.");

    private static IResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Replay not found",
        detail: $"No replay '{id}' is kept (finished runs are dropped oldest first).");
}
