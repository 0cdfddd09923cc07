using EventObserver.Access;
using EventObserver.Core.Projections;
using EventObserver.Features.Audit;
using EventObserver.Storage.Projections;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Replay;

/// <summary>Edits <see cref="EditorModel"/>: templates, the script, and saved versions (through <see cref="ReplayQueries"/>).</summary>
public sealed partial class ProjectionEditor
{
    private IReadOnlyList<ProjectionDefinition> _saved = [];
    private IReadOnlyList<ProjectionDefinition> _versions = [];
    private string _savedName = "";
    private int _version;
    private string? _note;
    private bool _noteIsError;
    private ScriptEditor? _script;

    [Inject] public required ReplayQueries Queries { get; init; }

    [Inject] public required ICurrentUser CurrentUser { get; init; }

    [Parameter, EditorRequired] public required EditorModel Model { get; set; }

    /// <summary>Raised after the script or its origin changed (a template, a load, an edit, a save).</summary>
    [Parameter] public EventCallback Changed { get; set; }

    protected override Task OnInitializedAsync() => RefreshSavedAsync();

    protected override void OnParametersSet() => Model.PendingEdits = () => _script?.FlushAsync() ?? Task.CompletedTask;

    /// <summary>
    /// The template the script is, unedited; none once edited or loaded, so choosing the same template again puts it
    /// back (a select reports only changes).
    /// </summary>
    private string? ShownTemplate => Model.Loaded is null && !Model.IsEdited ? Model.Template?.Name : null;

    private async Task OnTemplate(string? name)
    {
        if (ProjectionTemplates.Find(name ?? "") is { } template)
        {
            Model.Use(template);
            _note = null;
            await Changed.InvokeAsync();
        }
    }

    private async Task OnSavedName(string? name)
    {
        _savedName = name ?? "";
        _versions = _savedName.Length == 0 ? [] : await Queries.ProjectionVersionsAsync(_savedName, CancellationToken.None);
        _version = _versions.Count > 0 ? _versions[0].Version : 0;
    }

    private async Task LoadAsync()
    {
        if (await Queries.GetProjectionAsync(_savedName, _version, CancellationToken.None) is { } definition)
        {
            Model.Use(definition);
            Note($"Loaded {definition.Name} v{definition.Version}.", error: false);
            await Changed.InvokeAsync();
        }
        else
        {
            Note($"{_savedName} v{_version} is not saved (any more).", error: true);
        }
    }

    private async Task OnScript(string script)
    {
        Model.Script = script;
        _note = null;
        await Changed.InvokeAsync();
    }

    private async Task SaveAsync()
    {
        await Model.ApplyPendingEditsAsync();
        if (string.IsNullOrWhiteSpace(Model.Name))
        {
            return;
        }

        if (Model.Script.Length > ReplayQueries.MaxScriptLength || Model.Name.Trim().Length > ReplayQueries.MaxNameLength)
        {
            Note($"Too long to save: names up to {ReplayQueries.MaxNameLength} characters, scripts up to {ReplayQueries.MaxScriptLength / 1024} KB.", error: true);
            return;
        }

        var compiled = ProjectionRunner.Create(Model.Script, ProjectionLimits.Default, ProjectionErrorMode.Stop);
        var saved = await Queries.SaveProjectionAsync(Model.Name, Model.Script, Model.Template?.Title, AuditActor.Of(CurrentUser.Access), CancellationToken.None);
        Model.Use(saved);
        await RefreshSavedAsync();
        _savedName = saved.Name;
        _versions = await Queries.ProjectionVersionsAsync(saved.Name, CancellationToken.None);
        _version = saved.Version;
        Note(compiled.Succeeded ? $"Saved as {saved.Name} v{saved.Version}." : $"Saved as {saved.Name} v{saved.Version}, but it does not compile: {compiled.Error.Message}",
            error: !compiled.Succeeded);
        await Changed.InvokeAsync();
    }

    private async Task RefreshSavedAsync() => _saved = await Queries.ListProjectionsAsync(CancellationToken.None);

    private void Note(string text, bool error)
    {
        _note = text;
        _noteIsError = error;
    }
}
