using System.Globalization;
using System.Text;

using EventObserver.Access;
using EventObserver.Components.Shared;
using EventObserver.Core.Flows;
using EventObserver.Core.Selection;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Flows;

/// <summary>
/// The living Event Storming board (<c>/flows?window=15m</c>): the flow map of the window, read off the circuit's
/// thread (<see cref="FlowQueries"/>), laid out on the server (lanes by service) and drawn as SVG. Auto-refresh re-reads
/// every <see cref="RefreshPeriod"/> but renders only when a number changed, and lays the board out again only when
/// stickies or links came or went.
/// </summary>
public sealed partial class FlowsPage : IDisposable
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(10);

    /// <summary>Stickies and labels sized for 12 px secondary text (the layout's defaults suit 10 px).</summary>
    public static readonly FlowBoardOptions BoardOptions = new() { NodeWidth = 168, NodeHeight = 84, LayerSpacing = 92, LabelWidth = 74 };

    private readonly FlowBoardLayout _layout = new(BoardOptions);
    // Cancelled on dispose, never disposed itself: a read already on its way may still ask for its token.
    private readonly CancellationTokenSource _disposed = new();
    private FlowBoardView? _view;
    private LiveUpdate? _refresh;
    private string _structure = "";
    private string _numbers = "";
    private int _loading;
    private bool _loaded;

    [Inject] public required FlowQueries Queries { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "window")] public string? WindowParameter { get; set; }

    [SupplyParameterFromQuery(Name = "edge")] public string? EdgeParameter { get; set; }

    [SupplyParameterFromQuery(Name = "node")] public string? NodeParameter { get; set; }

    [SupplyParameterFromQuery(Name = FlowViewState.ViewParameter)] public string? ViewParameter { get; set; }

    public TimeWindow Window { get; private set; } = FlowQueries.DefaultWindow;

    public FlowMap Map { get; private set; } = new();

    public FlowBoard Board { get; private set; } = FlowBoard.Empty;

    public string? SelectedEdgeId { get; private set; }

    public string? SelectedNodeId { get; private set; }

    public bool AutoRefresh { get; private set; } = true;

    /// <summary>Why the last read failed; null after a successful one.</summary>
    public string? Error { get; private set; }

    /// <summary>Auto-refresh ticks handled (read, and rendered if anything changed); lets tests check that unchanged traffic does not re-render.</summary>
    public int Refreshes { get; private set; }

    /// <summary>Auto-refresh ticks passed over because the last read was costly.</summary>
    public int SkippedRefreshes => _refresh?.SkippedTicks ?? 0;

    private bool Loading => Volatile.Read(ref _loading) != 0;

    private FlowEdge? SelectedEdge => SelectedEdgeId is null ? null : Map.Edges.FirstOrDefault(e => e.Id == SelectedEdgeId);

    private FlowNode? SelectedNode => SelectedNodeId is null ? null : Map.Nodes.FirstOrDefault(n => n.Id == SelectedNodeId);

    private string Summary
    {
        get
        {
            var types = Map.Nodes.Count(n => n.Kind is FlowNodeKind.Command or FlowNodeKind.Event or FlowNodeKind.Message);
            var policies = Map.Nodes.Count(n => n.Kind == FlowNodeKind.Policy);
            var links = Map.Edges.Count(e => e.Kind is FlowEdgeKind.Flow or FlowEdgeKind.IntoPolicy or FlowEdgeKind.DeadLetter);
            return $"{Map.EventsRead:N0} messages · {types} types · {policies} policies · {links} links · {Map.Lanes.Count} lanes · last {Window.Text} ({FlowTimeRange.Text(Map.From, Map.To)})";
        }
    }

    /// <summary>The view kept in the address when the page opened (x, y, scale); the board starts there instead of fitting.</summary>
    private double[]? InitialView { get; set; }

    /// <summary>Selects a link and keeps it in the address.</summary>
    public Task SelectEdgeAsync(string id)
    {
        SelectedEdgeId = Map.Edges.Any(e => e.Id == id) ? id : null;
        SelectedNodeId = null;
        return KeepInAddressAsync();
    }

    /// <summary>Selects a sticky and keeps it in the address.</summary>
    public Task SelectNodeAsync(string id)
    {
        SelectedNodeId = Map.Nodes.Any(n => n.Id == id) ? id : null;
        SelectedEdgeId = null;
        return KeepInAddressAsync();
    }

    public void Dispose()
    {
        _refresh?.Dispose();
        _disposed.Cancel();
    }

    protected override void OnInitialized()
    {
        // Created before the first read so that read's cost already spaces the ticks; ticking starts once interactive.
        _refresh = new LiveUpdate(Time, RefreshPeriod, () => InvokeAsync(async () =>
        {
            if (AutoRefresh && await LoadAsync())
            {
                StateHasChanged();
            }

            Refreshes++;
        }));
    }

    protected override async Task OnParametersSetAsync()
    {
        var window = TimeWindow.ParseOr(WindowParameter, FlowQueries.DefaultWindow);
        if (window.Text != Window.Text || !_loaded)
        {
            if (!_loaded)
            {
                InitialView = FlowViewState.ParseView(ViewParameter);
            }

            _loaded = true;
            Window = window;
            await LoadAsync();
        }

        // The selection named in the address (coming back from an example, a reload); one the map lacks is dropped.
        SelectedEdgeId = EdgeParameter is { } edge && Map.Edges.Any(e => e.Id == edge) ? edge : null;
        SelectedNodeId = SelectedEdgeId is null && NodeParameter is { } node && Map.Nodes.Any(n => n.Id == node) ? node : null;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && AutoRefresh)
        {
            _refresh?.StartTicking();
        }
    }

    private async Task SetWindowAsync(TimeWindow window)
    {
        if (window.Text == Window.Text)
        {
            return;
        }

        Window = window;
        await KeepInAddressAsync();
        await LoadAsync();
    }

    private void SetAutoRefresh(bool on)
    {
        AutoRefresh = on;
        if (on)
        {
            _refresh?.StartTicking();
        }
        else
        {
            _refresh?.StopTicking();
        }
    }

    private Task RefreshAsync() => LoadAsync();

    private Task ClearSelectionAsync()
    {
        SelectedEdgeId = null;
        SelectedNodeId = null;
        return KeepInAddressAsync();
    }

    /// <summary>
    /// Replaces the address with the window and selection (no new history entry), so back from an example's lineage
    /// returns to them; the browser then writes the current zoom into it again (Blazor's navigation dropped it).
    /// </summary>
    private Task KeepInAddressAsync()
    {
        Navigation.NavigateTo(new FlowViewState(Window, SelectedEdgeId, SelectedNodeId).Href, replace: true);
        return _view?.RememberViewAsync() ?? Task.CompletedTask;
    }


    private Task ZoomAsync(double factor) => _view?.ZoomAsync(factor) ?? Task.CompletedTask;

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
            _refresh?.SkipTicks(TicksToSkip(Queries.LastReadCost));
            if (!read.Succeeded)
            {
                // The read failed (logged by IndexReads): keep the last board and say why.
                Error = $"The flow map could not be read: {read.Error}";
                return true;
            }

            var hadError = Error is not null;
            Error = null;
            return Show(read.Value!) || hadError;
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

    /// <summary>
    /// Keeps auto-refresh under a tenth of a core: a read that takes a second or more (a capped day of a busy
    /// cluster) makes the next ticks pass, at most 11 of them (a refresh at least every 2 minutes).
    /// </summary>
    private static int TicksToSkip(TimeSpan readCost) =>
        (int)Math.Clamp(Math.Ceiling(readCost.TotalSeconds * 10 / RefreshPeriod.TotalSeconds) - 1, 0, 11);

    private bool Show(FlowMap map)
    {
        var structure = Structure(map);
        var numbers = Numbers(map);
        if (structure == _structure && numbers == _numbers && Map.Nodes.Count == map.Nodes.Count)
        {
            return false;
        }

        Map = map;
        _numbers = numbers;
        if (structure != _structure)
        {
            _structure = structure;
            Board = _layout.Compute(map);
        }

        if (SelectedEdgeId is not null && SelectedEdge is null)
        {
            SelectedEdgeId = null;
        }

        if (SelectedNodeId is not null && SelectedNode is null)
        {
            SelectedNodeId = null;
        }

        return true;
    }

    private static string Structure(FlowMap map)
    {
        var text = new StringBuilder();
        foreach (var node in map.Nodes)
        {
            text.Append(node.Id).Append('\n');
        }

        foreach (var edge in map.Edges)
        {
            text.Append(edge.Id).Append('\n');
        }

        return text.ToString();
    }

    private static string Numbers(FlowMap map)
    {
        var text = new StringBuilder().Append(map.EventsRead).Append(map.Capped).Append('\n');
        foreach (var node in map.Nodes)
        {
            text.Append(node.Count).Append(node.Unreacted).Append(node.Failure).Append(',');
        }

        foreach (var edge in map.Edges)
        {
            text.Append(edge.Count).Append('/').Append(edge.P50Ms).Append('/').Append(edge.P95Ms).Append('/')
                .Append(edge.Examples.Count > 0 ? edge.Examples[0].EventId : "").Append(',');
        }

        return text.ToString();
    }

    private static string Clock(DateTimeOffset at) => at.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private Task FitReadableAsync() => _view?.FitAsync() ?? Task.CompletedTask;
}
