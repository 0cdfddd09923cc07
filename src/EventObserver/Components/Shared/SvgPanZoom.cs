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

    public async Task AttachAsync(IJSRuntime js, ElementReference host)
    {
        try
        {
            _module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _controller = _module is null ? null : await _module.InvokeAsync<IJSObjectReference>("attach", host);
        }
        catch (JSException)
        {
            _module = null;
            _controller = null;
        }
    }

    /// <summary>Fits the drawing to the view; with <paramref name="centre"/> (x, y) at a readable scale around that point.</summary>
    public async Task FitAsync(double[]? centre)
    {
        if (_controller is not null)
        {
            await _controller.InvokeVoidAsync("fit", centre);
        }
    }

    /// <summary>Zooms around the centre of the view (a factor above 1 zooms in).</summary>
    public async Task ZoomAsync(double factor)
    {
        if (_controller is not null)
        {
            await _controller.InvokeVoidAsync("zoom", factor);
        }
    }

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
}
