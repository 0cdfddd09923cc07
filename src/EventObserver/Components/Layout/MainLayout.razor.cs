using EventObserver.Components.Shared;
using EventObserver.Monitoring;

using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace EventObserver.Components.Layout;

public sealed partial class MainLayout : IDisposable
{
    /// <summary>The status bar changes slowly; once a second is plenty.</summary>
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(1);

    private readonly MudTheme _theme = EventObserverTheme.Create();
    private bool _drawerOpen = true;
    private bool _connected;
    private PeriodicRefresh? _refresh;

    [Inject] public required SystemStatusReader StatusReader { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    public SystemStatus Status { get; private set; } = null!;

    public void Dispose() => _refresh?.Dispose();

    protected override void OnInitialized() => Status = StatusReader.Read();

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Only an interactive render gets here: the page is live from now on (browser tests wait for this).
        _connected = true;
        _refresh = PeriodicRefresh.Start(Time, RefreshPeriod, () => InvokeAsync(() =>
        {
            Status = StatusReader.Read();
            StateHasChanged();
        }));
        StateHasChanged();
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;
}
