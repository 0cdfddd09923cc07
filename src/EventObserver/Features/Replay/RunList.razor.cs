using EventObserver.Components.Shared;
using EventObserver.Features.Replay.Runs;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Replay;

/// <summary>
/// Lists the kept runs, a compare's two runs as one entry, each with the status and progress its own bar shows
/// (<see cref="RunFigures"/>). It follows the unfinished runs' notifications (on their threads) with at most 10
/// renders a second, and stops following them when they leave the list or the list goes away.
/// </summary>
public sealed partial class RunList : IDisposable
{
    private readonly HashSet<ReplayRun> _followed = [];
    private LiveUpdate? _update;

    [Inject] public required TimeProvider Time { get; init; }

    [Parameter, EditorRequired] public IReadOnlyList<ReplayRun> Runs { get; set; } = [];

    [Parameter] public ReplayRun? Selected { get; set; }

    [Parameter] public EventCallback<ReplayRun> SelectedChanged { get; set; }

    public void Dispose()
    {
        foreach (var run in _followed)
        {
            run.Changed -= OnChanged;
        }

        _followed.Clear();
        _update?.Dispose();
        _update = null;
    }

    protected override void OnParametersSet()
    {
        _update ??= new LiveUpdate(Time, LiveUpdate.DefaultInterval, () => InvokeAsync(StateHasChanged));
        var current = Runs.ToHashSet();
        foreach (var gone in _followed.Where(r => !current.Contains(r)).ToList())
        {
            gone.Changed -= OnChanged;
            _followed.Remove(gone);
        }

        // A finished run changes no more; one that finishes after this still announces it (its last snapshot).
        foreach (var run in current.Where(r => !r.Snapshot.IsFinished && _followed.Add(r)))
        {
            run.Changed += OnChanged;
        }
    }

    private void OnChanged(ReplayRun run) => _update?.Request();

    private Task SelectAsync(ReplayRun run) => SelectedChanged.InvokeAsync(run);
}
