using EventObserver.Components.Shared;
using EventObserver.Features.Replay.Runs;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Replay;

/// <summary>
/// Watches one <see cref="ReplayRun"/>: its change notifications arrive on the run's thread and are turned into
/// at most 10 renders a second on the circuit. Unsubscribes when the run shown changes or the view goes away.
/// </summary>
public sealed partial class RunView : IDisposable
{
    private ReplayRun? _subscribed;
    private LiveUpdate? _update;

    [Inject] public required TimeProvider Time { get; init; }

    [Parameter, EditorRequired] public required ReplayRun Run { get; set; }

    /// <summary>How often rendering is at most allowed (tests may change it).</summary>
    [Parameter] public TimeSpan RenderInterval { get; set; } = LiveUpdate.DefaultInterval;

    /// <summary>Renders caused by the run's notifications so far.</summary>
    public int Renders => _update?.Renders ?? 0;

    private ReplayRunSnapshot Snapshot => Run.Snapshot;

    public void Dispose() => Unsubscribe();

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_subscribed, Run))
        {
            return;
        }

        Unsubscribe();
        _update = new LiveUpdate(Time, RenderInterval, () => InvokeAsync(StateHasChanged));
        _subscribed = Run;
        Run.Changed += OnChanged;
    }

    private void OnChanged(ReplayRun run) => _update?.Request();

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.Changed -= OnChanged;
            _subscribed = null;
        }

        _update?.Dispose();
        _update = null;
    }
}
