using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace EventObserver.Features.Feed;

/// <summary>
/// Keyboard reach for the bars: one tab stop for the whole chart (the newest bar, or the last one moved to), arrow keys,
/// Home and End move between bars, Enter or Space loads the history as a click does. Sixty tab stops would stand
/// between the filters and the feed otherwise.
/// </summary>
public sealed partial class FeedTimeline
{
    private readonly Dictionary<int, ElementReference> _barElements = [];
    private int? _keyboardBar;

    private int TabStop => _model.Bars.Count == 0 ? -1 : Math.Clamp(_keyboardBar ?? _model.Bars.Count - 1, 0, _model.Bars.Count - 1);

    private string TabIndex(int bar) => bar == TabStop ? "0" : "-1";

    private Task KeyAsync(KeyboardEventArgs e, int bar) => e.Key switch
    {
        "Enter" or " " => SelectAsync(bar),
        "ArrowLeft" => MoveFocusAsync(bar - 1),
        "ArrowRight" => MoveFocusAsync(bar + 1),
        "Home" => MoveFocusAsync(0),
        "End" => MoveFocusAsync(_model.Bars.Count - 1),
        _ => Task.CompletedTask,
    };

    private async Task MoveFocusAsync(int bar)
    {
        if (_model.Bars.Count == 0)
        {
            return;
        }

        _keyboardBar = Math.Clamp(bar, 0, _model.Bars.Count - 1);
        if (_barElements.TryGetValue(_keyboardBar.Value, out var element))
        {
            await element.FocusAsync();
        }
    }
}
