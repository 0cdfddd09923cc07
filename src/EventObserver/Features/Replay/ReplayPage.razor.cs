using EventObserver.Access;
using EventObserver.Components.Shared;
using EventObserver.Features.Audit;
using EventObserver.Features.Replay.Runs;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace EventObserver.Features.Replay;

/// <summary>
/// Replays indexed events through a sandboxed JavaScript projection (run, step, compare) or re-publishes them.
/// Runs live in <see cref="ReplayRunManager"/>, not here: the page lists and watches them, so reopening it shows
/// them again. The selection comes from the URL (<c>?event=topic/partition/offset</c>, <c>?correlation=</c>, …).
/// </summary>
public sealed partial class ReplayPage : IDisposable
{
    private SelectionForm _selection = new();
    private readonly EditorModel _editor = new();
    private SelectionPanel? _selectionPanel;
    private ReplaySelectionSummary? _summary;
    private IReadOnlyList<ReplayRun> _runs = [];
    private ReplayRun? _selected;
    private LiveUpdate? _runsChanged;
    private string? _startProblem;

    // Why the last start (run or compare) failed: shown where its run would have been, until a run is chosen.
    private string? _failure;
    private string? _uri;
    private int _runsVersion;
    private int _tab;

    [Inject] public required ReplayRunManager Manager { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    public void Dispose()
    {
        Manager.RunsChanged -= OnRunsChanged;
        _runsChanged?.Dispose();
    }

    protected override void OnInitialized()
    {
        _runsChanged = new LiveUpdate(Time, LiveUpdate.DefaultInterval, () => InvokeAsync(() =>
        {
            RefreshRuns();
            StateHasChanged();
        }));
        Manager.RunsChanged += OnRunsChanged;
        RefreshRuns();
        var runId = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query).TryGetValue("run", out var id) ? id.ToString() : null;
        _selected = (runId is null ? null : Manager.Get(runId, User.Access))
            ?? _runs.FirstOrDefault(r => !r.Snapshot.IsFinished)
            ?? _runs.FirstOrDefault();
    }

    protected override async Task OnParametersSetAsync()
    {
        // Only the query changes while the page stays (e.g. another "Replay from here" link).
        if (_uri == Navigation.Uri)
        {
            return;
        }

        var first = _uri is null;
        _uri = Navigation.Uri;
        _selection = SelectionForm.FromUri(_uri);
        if (!first && _selectionPanel is not null)
        {
            await _selectionPanel.RecountAsync();
        }
    }

    private void OnRunsChanged() => _runsChanged?.Request();

    private void RefreshRuns()
    {
        _runs = Manager.List(User.Access);
        _runsVersion++;
        if (_selected is not null && !_runs.Contains(_selected))
        {
            _selected = null;
        }
    }

    private async Task StartProjectionAsync(bool paused)
    {
        await _editor.ApplyPendingEditsAsync();
        var result = Manager.Start(new ReplayRequest
        {
            Selection = _selection.ToSelection(),
            Script = _editor.Script,
            OnError = _editor.OnError,
            StartPaused = paused,
            Label = _editor.Label,
            Actor = AuditActor.Of(User.Access),
        }, User.Access);
        _startProblem = result.Run is null ? ReplayProblemText.Explain(result) : null;
        if (result.Run is { } run)
        {
            Select(run);
        }
        else
        {
            ShowFailure(_startProblem!);
        }
    }

    private void Select(ReplayRun run)
    {
        RefreshRuns();
        _selected = run;
        _failure = null;
    }

    private void ShowFailure(string problem)
    {
        _failure = problem;
        _selected = null;
    }

    private void ShowRun(string runId)
    {
        if (Manager.Get(runId, User.Access) is { } run)
        {
            Select(run);
        }
    }
}
