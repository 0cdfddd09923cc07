using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EventObserver.Features.Feed;

/// <summary>
/// The browser half of the feed's hold (wwwroot/js/feed-hold.js): reports pointer, scroll and focus on the list of
/// rows as a <see cref="FeedHold"/>. When the module cannot load (blocked, failed) nothing is reported and the feed
/// stays live, with its manual Pause.
/// </summary>
public sealed class FeedHoldWatcher : IAsyncDisposable
{
    public const string ModulePath = "./js/feed-hold.js";

    private readonly Func<FeedHold, Task> _changed;
    private DotNetObjectReference<FeedHoldWatcher>? _self;
    private IJSObjectReference? _module;
    private IJSObjectReference? _controller;

    public FeedHoldWatcher(Func<FeedHold, Task> changed)
    {
        _changed = changed;
    }

    public async Task AttachAsync(IJSRuntime js, ElementReference list)
    {
        _self = DotNetObjectReference.Create(this);
        try
        {
            _module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _controller = _module is null ? null : await _module.InvokeAsync<IJSObjectReference>("attach", list, _self);
        }
        catch (JSException)
        {
            _module = null;
            _controller = null;
        }
    }

    /// <summary>Scrolls the list back to its newest rows (Resume).</summary>
    public async Task ScrollToTopAsync()
    {
        if (_controller is not null)
        {
            try
            {
                await _controller.InvokeVoidAsync("scrollToTop");
            }
            catch (JSDisconnectedException)
            {
                // The page is gone.
            }
        }
    }

    /// <summary>Called by the browser whenever one of the three changes.</summary>
    [JSInvokable("Report")]
    public Task ReportAsync(bool pointer, bool scrolled, bool focus) =>
        _changed((pointer ? FeedHold.Pointer : FeedHold.None) | (scrolled ? FeedHold.Scrolled : FeedHold.None) | (focus ? FeedHold.Focus : FeedHold.None));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_controller is not null)
            {
                await _controller.InvokeVoidAsync("dispose");
                await _controller.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the browser with it: nothing left to clean up.
        }

        _self?.Dispose();
    }
}
