using EventObserver.Components.Shared;
using EventObserver.Shared;

namespace EventObserver.Features.Feed;

/// <summary>The feed's rows from the index: the top-up of a new view, "load older" and a jump to a moment of the timeline.</summary>
public sealed partial class LiveFeed
{
    /// <summary>Newest matching events from the feed's ring buffer, topped up from the index when few.</summary>
    private async Task LoadInitialRowsAsync()
    {
        var view = ResetView();
        _historyNote = "";
        var recent = Queries.Recent(Filter, InitialRows, User.Access);
        Counter.Record(recent.Reverse()); // oldest first: each partition's offsets ascend
        Window.AddOlder(recent.Select(FeedRow.From));
        _types.Add(recent);
        if (Window.Count < TopUpFromIndexBelow)
        {
            await LoadHistoryAsync(view, Window.Oldest?.Timestamp(), KnownIds());
        }
    }

    /// <summary>Empties the view and starts a new one; returns its number.</summary>
    private int ResetView()
    {
        Window.Clear();
        _historyExhausted = false;
        _loadingOlder = false;
        return ++_view;
    }

    private HashSet<string> KnownIds() => Window.Rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads the page of history before <paramref name="to"/> and adds it, unless the view was refilled meanwhile.</summary>
    private async Task<bool> LoadHistoryAsync(int view, DateTimeOffset? to, IReadOnlySet<string> known)
    {
        _loadingOlder = true;
        IndexRead<HistoryPage> read;
        try
        {
            read = await Queries.LoadOlderAsync(Filter, to, known, User.Access, _closed.Token);
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            return false;
        }

        if (view != _view)
        {
            return false;
        }

        _loadingOlder = false;
        if (read.Value is { } page)
        {
            AddHistory(page);
        }
        else
        {
            _historyNote = $"Reading the index failed: {read.Error}";
        }

        return true;
    }

    private void Clear()
    {
        ResetView();
        _historyNote = "View cleared; new events keep arriving.";
    }

    private async Task LoadOlderAsync()
    {
        // Reading history freezes the view so live rows do not push the loaded ones out.
        if (!Paused)
        {
            Pause();
        }

        await LoadHistoryAsync(_view, Window.Oldest?.Timestamp(), KnownIds());
    }

    private async Task JumpToAsync(DateTimeOffset moment)
    {
        Pause();
        if (await LoadHistoryAsync(ResetView(), moment, new HashSet<string>(StringComparer.Ordinal)))
        {
            _historyNote = $"History up to {DisplayFormat.Timestamp(moment)}. {_historyNote}";
        }
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
}
