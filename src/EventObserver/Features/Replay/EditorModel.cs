using EventObserver.Core.Projections;
using EventObserver.Storage.Projections;

namespace EventObserver.Features.Replay;

/// <summary>The projection being edited, and where it came from (a template or a saved version).</summary>
public sealed class EditorModel
{
    public string Script { get; set; } = ProjectionTemplates.CountByType.Script;

    /// <summary>The name it is saved under (new versions go there).</summary>
    public string? Name { get; set; }

    public ProjectionTemplate? Template { get; private set; } = ProjectionTemplates.CountByType;

    public ProjectionDefinition? Loaded { get; private set; }

    public ProjectionErrorMode OnError { get; set; } = ProjectionErrorMode.Stop;

    /// <summary>
    /// Brings <see cref="Script"/> up to date with what the editor shows (Monaco holds typing in the browser until
    /// asked). Set by the editor; everything that uses the script awaits <see cref="ApplyPendingEditsAsync"/> first.
    /// </summary>
    public Func<Task>? PendingEdits { get; set; }

    public bool IsEdited => Script != (Loaded?.Script ?? Template?.Script);

    /// <summary>A name for run lists: the saved version or template, marked when edited since.</summary>
    public string Label
    {
        get
        {
            var origin = Loaded is { } d ? $"{d.Name} v{d.Version}" : Template?.Title ?? "Projection";
            return IsEdited ? origin + " (edited)" : origin;
        }
    }

    public Task ApplyPendingEditsAsync() => PendingEdits?.Invoke() ?? Task.CompletedTask;

    public void Use(ProjectionTemplate template)
    {
        Script = template.Script;
        Template = template;
        Loaded = null;
        Name ??= template.Name;
    }

    public void Use(ProjectionDefinition definition)
    {
        Script = definition.Script;
        Name = definition.Name;
        Loaded = definition;
        Template = null;
    }
}
