using EventObserver.Access;
using EventObserver.Components.Shared;
using EventObserver.Features.Status;

using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace EventObserver.Components.Layout;

/// <summary>
/// The shell of every page. Its status bar follows the one <see cref="SystemStatusBroadcaster"/> (one status read per
/// period for all tabs together), rendering each pushed snapshot through a <see cref="LiveUpdate"/>, as the signed-in
/// user may see it (<see cref="SystemStatus.VisibleTo"/>).
/// </summary>
public sealed partial class MainLayout : IDisposable
{
    /// <summary>How often the status bar changes at most: the broadcaster's period.</summary>
    public static readonly TimeSpan RefreshPeriod = SystemStatusBroadcaster.Period;

    private readonly MudTheme _theme = EventObserverTheme.Create();
    private bool _drawerOpen = true;
    private bool _connected;
    private LiveUpdate? _update;
    private IDisposable? _subscription;
    private SystemStatus? _pushed;

    [Inject] public required SystemStatusBroadcaster StatusBroadcaster { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    public SystemStatus Status { get; private set; } = null!;

    public void Dispose()
    {
        _subscription?.Dispose();
        _update?.Dispose();
    }

    protected override void OnInitialized() => Status = StatusBroadcaster.Current.VisibleTo(User.Access);

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Only an interactive render gets here: the page is live from now on (browser tests wait for this).
        _connected = true;
        _update = new LiveUpdate(Time, LiveUpdate.DefaultInterval, () => InvokeAsync(() =>
        {
            Status = Volatile.Read(ref _pushed)?.VisibleTo(User.Access) ?? Status;
            StateHasChanged();
        }));
        _subscription = StatusBroadcaster.Subscribe(status =>
        {
            Volatile.Write(ref _pushed, status);
            _update.Request();
        });
        StateHasChanged();
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;
}
