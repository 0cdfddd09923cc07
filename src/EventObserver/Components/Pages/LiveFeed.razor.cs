using EventObserver.Components.Shared;
using EventObserver.Monitoring;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Components.Pages;

public sealed partial class LiveFeed : IDisposable
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromMilliseconds(500);

    private SystemStatus _status = null!;
    private PeriodicRefresh? _refresh;

    [Inject] public required SystemStatusReader StatusReader { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    public void Dispose() => _refresh?.Dispose();

    protected override void OnInitialized() => _status = StatusReader.Read();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _refresh = PeriodicRefresh.Start(Time, RefreshPeriod, () => InvokeAsync(() =>
            {
                _status = StatusReader.Read();
                StateHasChanged();
            }));
        }
    }
}
