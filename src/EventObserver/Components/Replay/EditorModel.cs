using EventObserver.Core.Projections;
using EventObserver.Storage.Projections;

namespace EventObserver.Components.Replay;

/// <summary>The projection being edited, and where it came from (a template or a saved version).</summary>
public sealed class EditorModel
{
    public string Script { get; set; } = ProjectionTemplates.CountByType.Script;

    /// <summary>The name it is saved under (new versions go there).</summary>
    public string? Name { get; set; }

    public ProjectionTemplate? Template { get; private set; } = ProjectionTemplates.CountByType;

    public ProjectionDefinition? Loaded { get; private set; }

    public ProjectionErrorMode OnError { get; set; } = ProjectionErrorMode.Stop;

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
