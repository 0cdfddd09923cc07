using EventObserver.Core.Projections;
using EventObserver.Features.Replay.Runs;

namespace EventObserver.Features.Replay.Endpoints;

/// <summary>Turns a <see cref="ReplayRequestDto"/> into a <see cref="ReplayRequest"/>, resolving templates and saved projections.</summary>
internal static class ReplayRequestReader
{
    public static async Task<(ReplayRequest? Request, IResult? Problem)> ToRequestAsync(ReplayRequestDto dto, ReplayQueries queries, CancellationToken cancellationToken)
    {
        var sources = new[] { dto.Projection is not null, dto.Template is not null, dto.Saved is not null, dto.Publish is not null }.Count(s => s);
        if (sources != 1)
        {
            return (null, ReplayEndpoints.Invalid("projection", "Give exactly one of 'projection' (JavaScript), 'template', 'saved' or 'publish'."));
        }

        ProjectionErrorMode onError;
        switch (dto.OnError?.Trim().ToLowerInvariant())
        {
            case null or "" or "stop": onError = ProjectionErrorMode.Stop; break;
            case "skip": onError = ProjectionErrorMode.Skip; break;
            default: return (null, ReplayEndpoints.Invalid("onError", $"'{dto.OnError}' is not an error mode; use 'stop' or 'skip'."));
        }

        var script = dto.Projection;
        var label = dto.Label;
        if (dto.Template is { } templateName)
        {
            if (ProjectionTemplates.Find(templateName) is not { } template)
            {
                return (null, ReplayEndpoints.Invalid("template", $"No template '{templateName}'; use one of {string.Join(", ", ProjectionTemplates.All.Select(t => t.Name))}."));
            }

            script = template.Script;
            label ??= template.Name;
        }
        else if (dto.Saved is { } saved)
        {
            if (string.IsNullOrWhiteSpace(saved.Name) || await queries.GetProjectionAsync(saved.Name, saved.Version, cancellationToken) is not { } definition)
            {
                return (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Projection not found",
                    detail: $"No saved projection '{saved.Name}'{(saved.Version is { } v ? $" version {v}" : string.Empty)}."));
            }

            script = definition.Script;
            label ??= $"{definition.Name} v{definition.Version}";
        }

        var selection = (dto.Selection ?? new ReplaySelectionDto()).ToSelection(out var selectionProblems);
        if (selectionProblems.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(selectionProblems, detail: "The selection is invalid."));
        }

        return (new ReplayRequest
        {
            Selection = selection,
            Script = script,
            Publish = dto.Publish,
            OnError = onError,
            StartPaused = dto.StartPaused,
            Label = label,
        }, null);
    }
}
