using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using EventObserver.Access;
using EventObserver.Core.Projections;
using EventObserver.Features.Audit;
using EventObserver.Storage.Projections;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>Saved projections (<c>/api/projections</c>), built-in templates and the publish log.</summary>
public static class ReplayLibraryEndpoints
{
    private const string ProjectionName = "The saved projection's name.";

    public static IEndpointRouteBuilder MapReplayLibraryEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projections").WithTags("Projections");
        group.MapGet("/", ListAsync)
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithSummary("List saved projections")
            .WithDescription("The latest version of every saved projection, by name.");
        group.MapPost("/", SaveAsync)
            .RequireAuthorization(AccessPolicies.Operator)
            .WithSummary("Save a projection")
            .WithDescription("Saves the script as the next version of the name (201, its address in Location). Only scripts " +
                "that compile are saved (400 with the line and column otherwise), so a saved projection always starts.")
            .Accepts<ReplayProjectionSaveDto>("application/json")
            .Produces<ProjectionDefinition>(StatusCodes.Status201Created)
            .ProducesBodyProblems();
        group.MapGet("/{name}", VersionsAsync)
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithSummary("List a projection's versions")
            .WithDescription("Every saved version of the name, newest first; 404 when none is saved.")
            .ProducesReplayProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{name}/{version:int}", GetAsync)
            .RequireAuthorization(AccessPolicies.Viewer)
            .WithSummary("Get one version of a saved projection")
            .ProducesReplayProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    // [Range] and [DefaultValue] only describe the parameter; the handler checks the range itself.
    internal static async Task<Results<Ok<IReadOnlyList<PublishRecord>>, ValidationProblem>> ListPublishesAsync(
        [Description("How many entries, newest first: 1 to 1,000."), Range(1, 1000), DefaultValue(100)] int? limit, ReplayQueries queries, ICurrentUser user,
        CancellationToken cancellationToken) => limit is < 1 or > 1000
        ? ReplayEndpoints.Invalid("limit", "limit must be from 1 to 1000.")
        : TypedResults.Ok(await queries.ListPublishesAsync(limit ?? 100, user.Access, cancellationToken));

    internal static Ok<IReadOnlyList<ProjectionTemplate>> ListTemplates() => TypedResults.Ok(ProjectionTemplates.All);

    private static async Task<Ok<IReadOnlyList<ProjectionDefinition>>> ListAsync(ReplayQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListProjectionsAsync(cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<ProjectionDefinition>>, ProblemHttpResult>> VersionsAsync(
        [Description(ProjectionName)] string name, ReplayQueries queries, CancellationToken cancellationToken) =>
        await queries.ProjectionVersionsAsync(name, cancellationToken) is { Count: > 0 } versions
            ? TypedResults.Ok(versions)
            : NotFound(name, null);

    private static async Task<Results<Ok<ProjectionDefinition>, ProblemHttpResult>> GetAsync(
        [Description(ProjectionName)] string name, [Description("The version, from 1.")] int version, ReplayQueries queries, CancellationToken cancellationToken) =>
        await queries.GetProjectionAsync(name, version, cancellationToken) is { } definition
            ? TypedResults.Ok(definition)
            : NotFound(name, version);

    private static async Task<IResult> SaveAsync(HttpRequest request, ICurrentUser user, ReplayQueries queries, IOptions<JsonOptions> json, CancellationToken ct)
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
        if (ReplayQueries.CompileError(body.Script!) is { } error)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The projection does not compile", detail: error.Message,
                extensions: new Dictionary<string, object?> { ["line"] = error.Line, ["column"] = error.Column });
        }

        var saved = await queries.SaveProjectionAsync(body.Name!, body.Script!, body.Description, AuditActor.Of(user.Access, request.HttpContext), ct);
        return TypedResults.Created($"/api/projections/{Uri.EscapeDataString(saved.Name)}/{saved.Version}", saved);
    }

    private static ProblemHttpResult NotFound(string name, int? version) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Projection not found",
        detail: version is null ? $"No saved projection '{name}'." : $"No version {version} of the saved projection '{name}'.");
}
