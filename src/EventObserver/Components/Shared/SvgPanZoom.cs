using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EventObserver.Components.Shared;

/// <summary>
/// The browser half of an SVG view's pan and zoom (wwwroot/js/lineage-graph.js), so a wheel or drag costs no round
/// trip. Attached once after the first render; when the module cannot load (blocked, failed) every call does
/// nothing and the view still shows, unscaled and without pan/zoom.
/// </summary>
public sealed class SvgPanZoom : IAsyncDisposable
{
    public const string ModulePath = "./js/lineage-graph.js";

    private IJSObjectReference? _module;
    private IJSObjectReference? _controller;

    public bool IsAttached => _controller is not null;

    /// <param name="js">The circuit's JS runtime.</param>
    /// <param name="host">The element holding the <c>svg.eo-lg</c>.</param>
    /// <param name="wheelScrolls">The wheel pans (Ctrl + wheel zooms) instead of zooming: for tall boards read by scrolling.</param>
    /// <param name="urlParameter">A query parameter the view is kept in (x,y,scale), so coming back restores it.</param>
    public async Task AttachAsync(IJSRuntime js, ElementReference host, bool wheelScrolls = false, string? urlParameter = null)
    {
        ArgumentNullException.ThrowIfNull(js);
        try
        {
            _module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _controller = _module is null
                ? null
                : await _module.InvokeAsync<IJSObjectReference>("attach", host, new { wheel = wheelScrolls ? "scroll" : "zoom", urlParam = urlParameter });
        }
        catch (JSException)
        {
            _module = null;
            _controller = null;
        }
    }

    /// <summary>Frames the drawing as <paramref name="fit"/> says.</summary>
    public Task FitAsync(SvgFit fit) => CallAsync("fit", fit);

    /// <summary>Brings the box (x, y, width, height) into view, zooming out only as far as needed.</summary>
    public Task RevealAsync(double[] box) => CallAsync("reveal", box);

    /// <summary>Zooms around the centre of what is shown of the drawing (a factor above 1 zooms in).</summary>
    public Task ZoomAsync(double factor) => CallAsync("zoom", factor);

    /// <summary>Restores a view: the drawing's origin at (x, y) of the host, at <paramref name="scale"/>.</summary>
    public Task SetViewAsync(double x, double y, double scale) => CallAsync("setView", x, y, scale);

    /// <summary>Writes the view into the address again, after a navigation of the page replaced it.</summary>
    public Task RememberAsync() => CallAsync("remember");

    /// <summary>Downloads the SVG inside <paramref name="host"/> as a standalone file (styles embedded).</summary>
    public async Task ExportSvgAsync(ElementReference host, string fileName)
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("exportSvg", host, fileName);
        }
    }

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
    }

    private async Task CallAsync(string method, params object?[] arguments)
    {
        if (_controller is not null)
        {
            await _controller.InvokeVoidAsync(method, arguments);
        }
    }
}
