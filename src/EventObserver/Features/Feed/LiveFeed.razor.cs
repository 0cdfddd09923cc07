using EventObserver.Components.Shared;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Features.Status;
using EventObserver.Features.Topics;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Feed;

/// <summary>
/// Every topic in one stream, newest first. The filter lives in the URL; the server evaluates it
/// (<see cref="ILiveFeed"/> for live events, <see cref="FeedHistory"/> for older ones). Rendering is
/// throttled by a <see cref="LiveUpdate"/> following the subscription; pausing freezes the view, never ingestion.
/// </summary>
public sealed partial class LiveFeed : IAsyncDisposable
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Rows taken from the feed's ring buffer when the view (re)starts.</summary>
    public const int InitialRows = 1_000;

    /// <summary>Below this many recent rows, the view is topped up from the index (e.g. a filter matching old events).</summary>
    public const int TopUpFromIndexBelow = 200;

    private readonly SemaphoreSlim _restartGate = new(1, 1);
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
    private FeedHistory? _history;

    [Inject] public required ILiveFeed Feed { get; init; }

    [Inject] public required ICurrentIndex Indexes { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required SystemStatusBroadcaster StatusBroadcaster { get; init; }

    [Inject] public required TopicOverviewReader TopicReader { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    /// <summary>The filter in force, as read from the URL.</summary>
    public EventSelection Filter { get; private set; } = EventSelection.All;

    /// <summary>Parts of the URL's filter that were left out (e.g. a free text over the length limit), and why.</summary>
    public IReadOnlyList<string> FilterProblems { get; private set; } = [];

    public FeedWindow Window { get; } = new();

    public SecondCounter Counter { get; } = new();

    public bool Paused { get; private set; }

    /// <summary>Matching events that arrived while paused (not shown until Resume).</summary>
    public long NewWhilePaused { get; private set; }

    /// <summary>Events the view's subscription skipped because the view fell behind.</summary>
    public long Dropped { get; private set; }

    /// <summary>How often rendering is at most allowed (tests set it before rendering).</summary>
    public TimeSpan RenderInterval { get; set; } = LiveUpdate.DefaultInterval;

    private FeedHistory History => _history ??= new FeedHistory(Indexes);

    private string EmptyText => Filter.IsEmpty
        ? "Waiting for events… (use Load older to page back through the index)"
        : "No matching events yet. New ones appear here as they arrive; Load older searches the index.";

    public async ValueTask DisposeAsync()
    {
        _refresh?.Dispose();
        await StopAsync();
        _restartGate.Dispose();
    }

    protected override void OnInitialized()
    {
        RefreshStatus();
        Filter = ReadFilterFromUri();
        LoadInitialRows();
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
            LoadInitialRows();
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
        _refresh = LiveUpdate.Every(Time, RefreshPeriod, () => InvokeAsync(() =>
        {
            RefreshStatus();
            StateHasChanged();
        }));
        StateHasChanged();
    }

    private async Task RestartAsync()
    {
        await _restartGate.WaitAsync();
        try
        {
            await StopAsync();
            Paused = false;
            NewWhilePaused = 0;
            Dropped = 0;
            _subscription = Feed.Subscribe(Filter, Window.Capacity);
            LoadInitialRows();
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

    /// <summary>Newest matching events from the feed's ring buffer, topped up from the index when few.</summary>
    private void LoadInitialRows()
    {
        Window.Clear();
        _historyExhausted = false;
        _historyNote = "";
        var recent = Feed.Recent(Filter, InitialRows);
        foreach (var e in recent)
        {
            Counter.Record(e.Topic, e.TimestampMs);
        }

        Window.AddOlder(recent.Select(FeedRow.From));
        if (Window.Count < TopUpFromIndexBelow)
        {
            AddHistory(History.LoadOlder(Filter, Window.Oldest?.Timestamp(), Window.Contains));
        }

        _types.Add(recent);
    }

    private async Task OnBatchAsync(IReadOnlyList<EventEnvelope> batch)
    {
        // Row text is computed here, off the render thread.
        var rows = new List<FeedRow>(batch.Count);
        // Partitions interleave in a batch: order it by time (stable) so the rows read newest first.
        foreach (var e in batch.OrderBy(e => e.TimestampMs))
        {
            rows.Add(FeedRow.From(e));
            Counter.Record(e.Topic, e.TimestampMs);
        }

        var dropped = _subscription?.Dropped ?? 0;
        await InvokeAsync(() =>
        {
            if (Paused)
            {
                NewWhilePaused += rows.Count;
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

    private void Pause()
    {
        Paused = true;
        NewWhilePaused = 0;
    }

    private async Task ResumeAsync()
    {
        // Jump back to live: what arrived meanwhile comes from the ring buffer, then the subscription continues.
        Paused = false;
        NewWhilePaused = 0;
        await _restartGate.WaitAsync();
        try
        {
            LoadInitialRows();
        }
        finally
        {
            _restartGate.Release();
        }
    }

    private void Clear()
    {
        Window.Clear();
        _historyExhausted = false;
        _historyNote = "View cleared; new events keep arriving.";
    }

    private async Task LoadOlderAsync()
    {
        // Reading history freezes the view so live rows do not push the loaded ones out.
        if (!Paused)
        {
            Pause();
        }

        _loadingOlder = true;
        var filter = Filter;
        var to = Window.Oldest?.Timestamp();
        var known = Window.Rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var page = await Task.Run(() => History.LoadOlder(filter, to, known.Contains));
        _loadingOlder = false;
        AddHistory(page);
    }

    private async Task JumpToAsync(DateTimeOffset moment)
    {
        Pause();
        Window.Clear();
        _loadingOlder = true;
        var filter = Filter;
        var page = await Task.Run(() => History.LoadOlder(filter, moment, _ => false));
        _loadingOlder = false;
        AddHistory(page);
        _historyNote = $"History up to {DisplayFormat.Timestamp(moment)}. {_historyNote}";
    }

    private void AddHistory(HistoryPage page)
    {
        var added = Window.AddOlder(page.Events.Select(FeedRow.From));
        _historyExhausted = page.Exhausted;
        var scanNote = FeedHistory.NeedsScan(Filter)
            ? $" Source, header and free-text filters are not indexed: {DisplayFormat.Count(page.Scanned)} indexed events were read to find these."
            : "";
        var end = page.Exhausted ? " No older events in the index." : page.ScanLimitReached ? " Scan limit reached: Load older continues." : "";
        _historyNote = $"Loaded {DisplayFormat.Count(added)} older events from the index.{scanNote}{end}";
        _types.Add(page.Events);
    }

    private void RefreshStatus()
    {
        // The broadcaster's snapshot (read once per period for all tabs), not a read of our own.
        _status = StatusBroadcaster.Current;
        _topicNames = [.. TopicReader.GetTopics().Select(t => t.Name)];
        _timeline = Counter.Snapshot(Time.GetUtcNow());
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
            LoadInitialRows();
        }
    }
}
