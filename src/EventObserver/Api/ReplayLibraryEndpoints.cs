using EventObserver.Core.Projections;
using EventObserver.Storage.Projections;

using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace EventObserver.Api;

/// <summary>Saved projections (<c>/api/projections</c>), built-in templates and the publish log.</summary>
public static class ReplayLibraryEndpoints
{
    public static IEndpointRouteBuilder MapReplayLibraryEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/projections").WithTags("Projections");
        group.MapGet("/", (ProjectionStore store) => TypedResults.Ok(store.List()));
        group.MapPost("/", SaveAsync);
        group.MapGet("/{name}", (string name, ProjectionStore store) => store.Versions(name) is { Count: > 0 } versions
            ? TypedResults.Ok(versions)
            : NotFound(name, null));
        group.MapGet("/{name}/{version:int}", (string name, int version, ProjectionStore store) => store.Get(name, version) is { } definition
            ? TypedResults.Ok(definition)
            : NotFound(name, version));
        return routes;
    }

    internal static IResult ListPublishes(int? limit, ProjectionStore store) => limit is < 1 or > 1000
        ? ReplayEndpoints.Invalid("limit", "limit must be from 1 to 1000.")
        : TypedResults.Ok(store.ListPublishes(limit ?? 100));

    internal static IResult ListTemplates() => TypedResults.Ok(ProjectionTemplates.All);

    private static async Task<IResult> SaveAsync(HttpRequest request, ProjectionStore store, TimeProvider time, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var (body, bodyProblem) = await ReplayBody.ReadAsync<ReplayProjectionSaveDto>(request, json, ct);
        if (body is null)
        {
            return bodyProblem!;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > ProjectionStore.MaxNameLength)
        {
            errors["name"] = [$"A name of 1 to {ProjectionStore.MaxNameLength} characters is required."];
        }

        if (string.IsNullOrWhiteSpace(body.Script) || body.Script.Length > ProjectionStore.MaxScriptLength)
        {
            errors["script"] = [$"A script of 1 to {ProjectionStore.MaxScriptLength:N0} characters is required."];
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

        var saved = store.Save(body.Name!, body.Script!, body.Description, time.GetUtcNow());
        return TypedResults.Created($"/api/projections/{Uri.EscapeDataString(saved.Name)}/{saved.Version}", saved);
    }

    private static IResult NotFound(string name, int? version) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Projection not found",
        detail: version is null ? $"No saved projection '{name}'." : $"No version {version} of the saved projection '{name}'.");
}
