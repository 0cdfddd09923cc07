using EventObserver.Core.Selection;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Conventions;

/// <summary>The conventions panel over a window chosen in the URL (<c>?window=15m|1h|24h</c>, optionally <c>&amp;source=</c>).</summary>
public sealed partial class ConventionsPage
{
    private ConventionsPanel? _panel;

    [SupplyParameterFromQuery(Name = "window")] public string? WindowParameter { get; set; }

    [SupplyParameterFromQuery(Name = "source")] public string? SourceParameter { get; set; }

    public TimeWindow Window { get; private set; } = ConventionQueries.DefaultWindow;

    /// <summary>The page for another window, keeping the source filter.</summary>
    public string WindowHref(TimeWindow window) =>
        string.IsNullOrEmpty(SourceParameter)
            ? $"conventions?window={window.Text}"
            : $"conventions?window={window.Text}&source={Uri.EscapeDataString(SourceParameter)}";

    /// <summary>An unknown window in the URL falls back to the default rather than failing the page.</summary>
    protected override void OnParametersSet()
    {
        var window = TimeWindow.ParseOr(WindowParameter, ConventionQueries.DefaultWindow);
        Window = ConventionQueries.Windows.Contains(window) ? window : ConventionQueries.DefaultWindow;
    }

    private Task RefreshAsync() => _panel?.RefreshAsync() ?? Task.CompletedTask;
}
