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
    private readonly string _compileId = "eo-compile-" + Guid.NewGuid().ToString("N")[..8];
    private string? _checkedScript;
    private string? _compileProblem;

    [Inject] public required ReplayQueries Queries { get; init; }

    [Inject] public required ICurrentUser CurrentUser { get; init; }

    [Parameter, EditorRequired] public required EditorModel Model { get; set; }

    /// <summary>Raised after the script or its origin changed (a template, a load, an edit, a save).</summary>
    [Parameter] public EventCallback Changed { get; set; }

    protected override Task OnInitializedAsync() => RefreshSavedAsync();

    private string CompileId => _compileId;

    /// <summary>
    /// Why the script (as last read from the editor) does not compile, or null; checked again only when the script
    /// changed, so a render costs nothing more.
    /// </summary>
    private string? CompileProblem
    {
        get
        {
            if (!string.Equals(_checkedScript, Model.Script, StringComparison.Ordinal))
            {
                _checkedScript = Model.Script;
                _compileProblem = Model.Script.Length > ReplayQueries.MaxScriptLength ? null : ReplayQueries.CompileError(Model.Script) is { } error ? ReplayProblemText.Explain(error) : null;
            }

            return _compileProblem;
        }
    }

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

        if (CompileProblem is not null)
        {
            Note("Not saved: the projection does not compile.", error: true);
            return;
        }

        var saved = await Queries.SaveProjectionAsync(Model.Name, Model.Script, Model.Template?.Title, AuditActor.Of(CurrentUser.Access), CancellationToken.None);
        Model.Use(saved);
        await RefreshSavedAsync();
        _savedName = saved.Name;
        _versions = await Queries.ProjectionVersionsAsync(saved.Name, CancellationToken.None);
        _version = saved.Version;
        Note($"Saved as {saved.Name} v{saved.Version}.", error: false);
        await Changed.InvokeAsync();
    }

    private async Task RefreshSavedAsync() => _saved = await Queries.ListProjectionsAsync(CancellationToken.None);

        private void Note(string text, bool error)
    {
        _note = text;
        _noteIsError = error;
    }
}
