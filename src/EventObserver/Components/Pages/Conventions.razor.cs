using EventObserver.Components.Conventions;
using EventObserver.Conventions;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Components.Pages;

/// <summary>The conventions panel over a window chosen in the URL (<c>?window=15m|1h|24h</c>, optionally <c>&amp;source=</c>).</summary>
public sealed partial class Conventions
{
    private ConventionsPanel? _panel;

    [SupplyParameterFromQuery(Name = "window")] public string? WindowParameter { get; set; }

    [SupplyParameterFromQuery(Name = "source")] public string? SourceParameter { get; set; }

    public ConventionWindow Window { get; private set; } = ConventionWindow.Default;

    /// <summary>The page for another window, keeping the source filter.</summary>
    public string WindowHref(ConventionWindow window) =>
        string.IsNullOrEmpty(SourceParameter)
            ? $"conventions?window={window.Name}"
            : $"conventions?window={window.Name}&source={Uri.EscapeDataString(SourceParameter)}";

    /// <summary>An unknown window in the URL falls back to the default rather than failing the page.</summary>
    protected override void OnParametersSet()
    {
        ConventionWindow.TryParse(WindowParameter, out var window);
        Window = window;
    }

    private Task RefreshAsync() => _panel?.RefreshAsync() ?? Task.CompletedTask;
}
