using EventObserver.Core.Projections;
using EventObserver.Storage.Projections;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>Saved projections (<c>/api/projections</c>), built-in templates and the publish log.</summary>
public static class ReplayLibraryEndpoints
{
    public static IEndpointRouteBuilder MapReplayLibraryEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projections").WithTags("Projections");
        group.MapGet("/", ListAsync);
        group.MapPost("/", SaveAsync);
        group.MapGet("/{name}", VersionsAsync);
        group.MapGet("/{name}/{version:int}", GetAsync);
        return routes;
    }

    internal static async Task<Results<Ok<IReadOnlyList<PublishRecord>>, ValidationProblem>> ListPublishesAsync(
        int? limit, ReplayQueries queries, CancellationToken cancellationToken) => limit is < 1 or > 1000
        ? ReplayEndpoints.Invalid("limit", "limit must be from 1 to 1000.")
        : TypedResults.Ok(await queries.ListPublishesAsync(limit ?? 100, cancellationToken));

    internal static Ok<IReadOnlyList<ProjectionTemplate>> ListTemplates() => TypedResults.Ok(ProjectionTemplates.All);

    private static async Task<Ok<IReadOnlyList<ProjectionDefinition>>> ListAsync(ReplayQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListProjectionsAsync(cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<ProjectionDefinition>>, ProblemHttpResult>> VersionsAsync(
        string name, ReplayQueries queries, CancellationToken cancellationToken) =>
        await queries.ProjectionVersionsAsync(name, cancellationToken) is { Count: > 0 } versions
            ? TypedResults.Ok(versions)
            : NotFound(name, null);

    private static async Task<Results<Ok<ProjectionDefinition>, ProblemHttpResult>> GetAsync(
        string name, int version, ReplayQueries queries, CancellationToken cancellationToken) =>
        await queries.GetProjectionAsync(name, version, cancellationToken) is { } definition
            ? TypedResults.Ok(definition)
            : NotFound(name, version);

    private static async Task<IResult> SaveAsync(HttpRequest request, ReplayQueries queries, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (body, bodyProblem) = await ReplayBody.ReadAsync<ReplayProjectionSaveDto>(request, json, ct);
        if (body is null)
        {
            return bodyProblem!;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > ReplayQueries.MaxNameLength)
        {
            errors["name"] = [$"A name of 1 to {ReplayQueries.MaxNameLength} characters is required."];
        }

        if (string.IsNullOrWhiteSpace(body.Script) || body.Script.Length > ReplayQueries.MaxScriptLength)
        {
            errors["script"] = [$"A script of 1 to {ReplayQueries.MaxScriptLength:N0} characters is required."];
        }

        if (body.Description is { Length: > ApiTextLimits.MaxDescriptionLength })
        {
            errors["description"] = [$"A description of at most {ApiTextLimits.MaxDescriptionLength:N0} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The projection cannot be saved.");
        }

        // Only scripts that compile are saved, so a saved projection always starts.
        var compiled = ProjectionRunner.Create(body.Script!);
        if (!compiled.Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The projection does not compile", detail: compiled.Error.Message,
                extensions: new Dictionary<string, object?> { ["line"] = compiled.Error.Line, ["column"] = compiled.Error.Column });
        }

        var saved = await queries.SaveProjectionAsync(body.Name!, body.Script!, body.Description, ct);
        return TypedResults.Created($"/api/projections/{Uri.EscapeDataString(saved.Name)}/{saved.Version}", saved);
    }

    private static ProblemHttpResult NotFound(string name, int? version) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Projection not found",
        detail: version is null ? $"No saved projection '{name}'." : $"No version {version} of the saved projection '{name}'.");
}
