using System.Globalization;
using System.Text;

using EventObserver.Access;
using EventObserver.Components.Shared;
using EventObserver.Core.Groups;
using EventObserver.Core.Selection;
using EventObserver.Core.Topology;
using EventObserver.Features.Flows;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Topology;

/// <summary>
/// The service topology (<c>/topology?window=15m</c>): producers → topics → consumer groups, read off the circuit's
/// thread (<see cref="TopologyQueries"/>) and drawn as SVG. Live: re-read every <see cref="RefreshPeriod"/> and after
/// each consumer-group refresh, at most once per period (one <see cref="LiveUpdate"/> does both), rendered only when a
/// number changed.
/// </summary>
public sealed partial class TopologyPage : IDisposable
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(5);

    // Cancelled on dispose, never disposed itself: a read already on its way may still ask for its token.
    private readonly CancellationTokenSource _disposed = new();
    private TopologyView? _view;
    private LiveUpdate? _refresh;
    private IConsumerGroupView? _groups;
    private string _numbers = "";
    private int _loading;
    private bool _loaded;

    [Inject] public required TopologyQueries Queries { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "window")] public string? WindowParameter { get; set; }

    public TimeWindow Window { get; private set; } = TopologyQueries.DefaultWindow;

    public TopologyMap Map { get; private set; } = new();

    /// <summary>Why the last read failed; null after a successful one.</summary>
    public string? Error { get; private set; }

    /// <summary>Reads done by the live refresh (ticks and group refreshes); lets tests see it follow.</summary>
    public int Refreshes { get; private set; }

    private string Summary
    {
        get
        {
            int Of(TopologyNodeKind kind) => Map.Nodes.Count(n => n.Kind == kind);
            return $"{Of(TopologyNodeKind.Producer)} producers · {Of(TopologyNodeKind.Topic)} topics · {Of(TopologyNodeKind.Group)} groups · "
                + $"{Map.EventsRead:N0} messages in the last {Window.Text} ({FlowTimeRange.Text(Map.From, Map.To)})";
        }
    }

    /// <summary>Why no (or not every) group is drawn: the refresh failed, or groups are not read here.</summary>
    private string? GroupsNote => Map switch
    {
        { GroupsError: { } error } => $"Consumer groups could not be refreshed ({error}); the last known ones are shown.",
        _ when _loaded && Map.Nodes.All(n => n.Kind != TopologyNodeKind.Group) => $"No consumer groups to show ({Map.GroupsSource}).",
        _ => null,
    };

    public void Dispose()
    {
        if (_groups is not null)
        {
            _groups.Refreshed -= OnGroupsRefreshed;
        }

        _refresh?.Dispose();
        _disposed.Cancel();
    }

    protected override void OnInitialized()
    {
        _refresh = new LiveUpdate(Time, RefreshPeriod, () => InvokeAsync(async () =>
        {
            if (await LoadAsync())
            {
                StateHasChanged();
            }

            Refreshes++;
        }));
    }

    protected override async Task OnParametersSetAsync()
    {
        var window = TimeWindow.ParseOr(WindowParameter, TopologyQueries.DefaultWindow);
        if (window.Text != Window.Text || !_loaded)
        {
            Window = window;
            await LoadAsync();
            _loaded = true;
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            // Only once interactive: a prerender is never refreshed.
            _groups = Queries.Groups;
            _groups.Refreshed += OnGroupsRefreshed;
            _refresh?.StartTicking();
        }
    }

    private void OnGroupsRefreshed(ConsumerGroupsSnapshot snapshot) => _refresh?.Request();

    private async Task SetWindowAsync(TimeWindow window)
    {
        if (window.Text == Window.Text)
        {
            return;
        }

        Window = window;
        Navigation.NavigateTo("topology?window=" + Uri.EscapeDataString(window.Text), replace: true);
        await LoadAsync();
    }

    private Task RefreshAsync() => LoadAsync();

    private Task ZoomAsync(double factor) => _view?.ZoomAsync(factor) ?? Task.CompletedTask;

    private Task FitAsync() => _view?.FitAsync() ?? Task.CompletedTask;

    /// <summary>Reads the map (off the circuit's thread); true when something visible changed.</summary>
    private async Task<bool> LoadAsync()
    {
        if (Interlocked.Exchange(ref _loading, 1) != 0)
        {
            return false;
        }

        try
        {
            var read = await Queries.ReadAsync(Window, User.Access, _disposed.Token);
            if (!read.Succeeded)
            {
                // Logged by IndexReads: keep the last map and say why.
                Error = $"The topology could not be read: {read.Error}";
                return true;
            }

            var hadError = Error is not null;
            Error = null;
            var numbers = Numbers(read.Value!);
            if (numbers == _numbers && !hadError)
            {
                return false;
            }

            _numbers = numbers;
            Map = read.Value!;
            return true;
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            Volatile.Write(ref _loading, 0);
        }
    }

    /// <summary>Everything the page shows, so an unchanged refresh renders nothing.</summary>
    private string Numbers(TopologyMap map)
    {
        var text = new StringBuilder().Append(TopologyView.Shape(map)).Append('\n').Append(map.EventsRead).Append(map.Capped)
            .Append(map.GroupsError).Append(map.GroupsSource).Append(FlowTimeRange.Text(map.From, map.To)).Append('\n');
        foreach (var node in map.Nodes)
        {
            text.Append(TopologyStyles.Detail(node)).Append(node.LagLevel).Append(node.Error).Append(node.Placement.Y).Append(',');
        }

        foreach (var edge in map.Edges)
        {
            text.Append(TopologyStyles.Rate(edge.PerSecond)).Append(TopologyStyles.StrokeWidth(edge).ToString("0.0", CultureInfo.InvariantCulture)).Append(',');
        }

        return text.ToString();
    }

    private static string Clock(DateTimeOffset at) => at.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
