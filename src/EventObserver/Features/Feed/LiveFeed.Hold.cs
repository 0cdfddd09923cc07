namespace EventObserver.Features.Feed;

/// <summary>
/// Pausing: by the user (Pause, Load older, a moment of the timeline) or on its own while the user reads the list
/// (<see cref="FeedHold"/>: pointer over it, scrolled down, a row focused), as a log's live tail does. Either way
/// indexing goes on and the "new events" badge counts what arrives. A hold ends when its reasons do and adds what
/// arrived meanwhile at the top; a pause ends only with Resume, which also ends any hold and scrolls back to the top.
/// </summary>
public sealed partial class LiveFeed
{
    // Live rows that arrived while frozen, added on release; beyond the window's capacity the view is refilled instead.
    private readonly List<FeedRow> _pending = [];
    private bool _pendingOverflow;
    private FeedHoldWatcher? _holdWatcher;

    /// <summary>Paused by the user (only Resume ends it).</summary>
    public bool Paused { get; private set; }

    /// <summary>Why the view holds still while the user reads it; <see cref="FeedHold.None"/> when it does not.</summary>
    public FeedHold Hold { get; private set; }

    /// <summary>No new rows are shown: paused or held.</summary>
    public bool Frozen => Paused || Hold != FeedHold.None;

    /// <summary>The browser's report of pointer, scroll and focus on the list (tests call it as the browser would).</summary>
    public async Task SetHoldAsync(FeedHold hold)
    {
        var wasFrozen = Frozen;
        Hold = hold;
        if (!wasFrozen && Frozen)
        {
            Freeze();
        }
        else if (wasFrozen && !Frozen)
        {
            await ReleaseAsync();
        }

        StateHasChanged();
    }

    private Task OnHoldReportedAsync(FeedHold hold) => InvokeAsync(() => SetHoldAsync(hold));

    private void Freeze()
    {
        NewWhilePaused = 0;
        _pending.Clear();
        _pendingOverflow = false;
    }

    /// <summary>Keeps a batch that arrived while frozen for the release.</summary>
    private void HoldBack(IReadOnlyList<FeedRow> rows)
    {
        NewWhilePaused += rows.Count;
        if (_pendingOverflow || _pending.Count + rows.Count > Window.Capacity)
        {
            _pendingOverflow = true;
            _pending.Clear();
            return;
        }

        _pending.AddRange(rows);
    }

    /// <summary>A hold ended: what arrived meanwhile goes in at its place (the list is at its top again).</summary>
    private async Task ReleaseAsync()
    {
        if (_pendingOverflow)
        {
            await ReloadAsync();
            return;
        }

        Window.AddNewer(_pending);
        Freeze();
    }

    private void Pause()
    {
        if (!Frozen)
        {
            Freeze();
        }

        Paused = true;
    }

    private async Task ResumeAsync()
    {
        Paused = false;
        Hold = FeedHold.None;
        if (_holdWatcher is not null)
        {
            await _holdWatcher.ScrollToTopAsync();
        }

        await ReloadAsync();
    }

    /// <summary>Jumps back to live: what arrived meanwhile comes from the ring buffer, then the subscription continues.</summary>
    private async Task ReloadAsync()
    {
        Freeze();
        await _restartGate.WaitAsync();
        try
        {
            await LoadInitialRowsAsync();
        }
        finally
        {
            _restartGate.Release();
        }
    }
}
