using EventObserver.Access;
using EventObserver.Access.Enforcement;
using EventObserver.Components.Shared;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;
using EventObserver.Features.Status;
using EventObserver.Shared;

using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EventObserver.Features.Feed;

/// <summary>
/// Every topic the user may read in one stream, newest first (masked where rules apply). The filter lives in the URL;
/// the server evaluates it (<see cref="FeedQueries"/> for live and older events, both as the user may see them).
/// Rendering is throttled by a <see cref="LiveUpdate"/> following the subscription; pausing or holding (LiveFeed.Hold.cs)
/// freezes the view, never ingestion.
/// </summary>
public sealed partial class LiveFeed : IAsyncDisposable
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Rows taken from the feed's ring buffer when the view (re)starts.</summary>
    public const int InitialRows = 1_000;

    /// <summary>Below this many recent rows, the view is topped up from the index (e.g. a filter matching old events).</summary>
    public const int TopUpFromIndexBelow = 200;

    private readonly SemaphoreSlim _restartGate = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private SystemStatus _status = null!;
    private IReadOnlyList<string> _topicNames = [];
    private readonly TypesSeen _types = new();
    private TimelineSnapshot? _timeline;
    private IFeedSubscription? _subscription;
    private LiveUpdate? _liveRows;
    private LiveUpdate? _refresh;
    private bool _interactive;
    private bool _loadingOlder;
    private bool _historyExhausted;
    private string _historyNote = "";
    private ElementReference _list;

    // Bumped whenever the view is refilled (restart, resume, clear, jump): a history read started before is dropped.
    private int _view;

    [Inject] public required FeedQueries Queries { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required SystemStatusBroadcaster StatusBroadcaster { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    [Inject] public required IJSRuntime JS { get; init; }

    /// <summary>The filter in force, as read from the URL.</summary>
    public EventSelection Filter { get; private set; } = EventSelection.All;

    /// <summary>Parts of the URL's filter that were left out (e.g. a free text over the length limit), and why.</summary>
    public IReadOnlyList<string> FilterProblems { get; private set; } = [];

    /// <summary>The filter's problems and, when it names topics the user may not read, that their events are not shown.</summary>
    private IReadOnlyList<string> ShownProblems => SelectionAccess.Refusal(Filter, User.Access) is { } refusal
        ? [.. FilterProblems, refusal + " Their events are not shown."]
        : FilterProblems;

    public FeedWindow Window { get; } = new();

    public SecondCounter Counter { get; } = new();

    /// <summary>Matching events that arrived while paused or held (not shown until then).</summary>
    public long NewWhilePaused { get; private set; }

    /// <summary>Events the view's subscription skipped because the view fell behind.</summary>
    public long Dropped { get; private set; }

    /// <summary>How often rendering is at most allowed (tests set it before rendering).</summary>
    public TimeSpan RenderInterval { get; set; } = LiveUpdate.DefaultInterval;

    /// <summary>True while older events are read from the index for the view.</summary>
    public bool LoadingHistory => _loadingOlder;

    private string EmptyText => Filter.IsEmpty
        ? "Waiting for events… (use Load older to page back through the index)"
        : "No matching events yet. New ones appear here as they arrive; Load older searches the index.";

    public async ValueTask DisposeAsync()
    {
        _refresh?.Dispose();
        if (_holdWatcher is not null)
        {
            await _holdWatcher.DisposeAsync();
        }

        // Not disposed: a history read in progress may still ask for its token (a source without a timer holds nothing).
        await _closed.CancelAsync();

        // A restart in progress ends at once (its read is cancelled): wait for it, so no subscription outlives the page.
        await _restartGate.WaitAsync();
        await StopAsync();
        _restartGate.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        Filter = ReadFilterFromUri();
        await RefreshStatusAsync();
        await LoadInitialRowsAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        // Only the query changes while this page stays: a new filter restarts the live subscription.
        var filter = ReadFilterFromUri();
        if (filter.Equals(Filter))
        {
            return;
        }

        Filter = filter;
        if (_interactive)
        {
            await RestartAsync();
        }
        else
        {
            await LoadInitialRowsAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Only an interactive render gets here (not prerendering): from now on the view is live.
        _interactive = true;
        await RestartAsync();
        _refresh = LiveUpdate.Every(Time, RefreshPeriod, () => InvokeAsync(async () =>
        {
            await RefreshStatusAsync();
            StateHasChanged();
        }));
        _holdWatcher = new FeedHoldWatcher(OnHoldReportedAsync);
        await _holdWatcher.AttachAsync(JS, _list);
        StateHasChanged();
    }

    private async Task RestartAsync()
    {
        // Before the first await: no render may show the new filter with the old filter's timeline.
        ClearTimeline();
        await _restartGate.WaitAsync();
        try
        {
            await StopAsync();
            // Clears the timeline a second time, on purpose: the old subscription may have delivered live events into
            // it while it was being stopped, and they belong to the old filter.
            RecountTimeline();
            Paused = false;
            Freeze();
            Dropped = 0;
            _subscription = Queries.Subscribe(Filter, Window.Capacity, User.Access);
            await LoadInitialRowsAsync();
            _liveRows = LiveUpdate.Follow(_subscription.Reader, Time, RenderInterval, OnBatchAsync);
        }
        finally
        {
            _restartGate.Release();
        }
    }

    private async Task StopAsync()
    {
        if (_liveRows is not null)
        {
            await _liveRows.DisposeAsync();
            _liveRows = null;
        }

        _subscription?.Dispose();
        _subscription = null;
    }

    private async Task OnBatchAsync(IReadOnlyList<EventEnvelope> batch)
    {
        // Row text is computed here, off the render thread.
        var rows = new List<FeedRow>(batch.Count);
        Counter.Record(batch);
        // Partitions interleave in a batch: the window puts each row at its time position.
        foreach (var e in batch)
        {
            rows.Add(FeedRow.From(e));
        }

        var dropped = _subscription?.Dropped ?? 0;
        await InvokeAsync(() =>
        {
            if (Frozen)
            {
                HoldBack(rows);
            }
            else
            {
                Window.AddNewer(rows);
            }

            Dropped = dropped;
            _types.Add(batch);
            StateHasChanged();
        });
    }

    private async Task RefreshStatusAsync()
    {
        // The broadcaster's snapshot (read once per period for all tabs), not a read of our own.
        _status = StatusBroadcaster.Current.VisibleTo(User.Access);
        _timeline = Counter.Snapshot(Time.GetUtcNow());
        try
        {
            _topicNames = await Queries.TopicNamesAsync(User.Access, _closed.Token);
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            // The page was closed during the read.
        }
    }

    private EventSelection ReadFilterFromUri()
    {
        var filter = EventSelectionQuery.Parse(new Uri(Navigation.Uri).Query, out var problems);
        FilterProblems = [.. problems.Values.SelectMany(messages => messages)];
        return filter;
    }

    /// <summary>Applies the new filter at once and records it in the URL (shareable, survives reload and reconnect).</summary>
    private async Task OnFilterChangedAsync(EventSelection filter)
    {
        Filter = filter;
        var query = EventSelectionQuery.ToQuery(filter);
        Navigation.NavigateTo(Navigation.BaseUri + (string.IsNullOrEmpty(query) ? "" : "?" + query));
        if (_interactive)
        {
            await RestartAsync();
        }
        else
        {
            await LoadInitialRowsAsync();
        }
    }
}
