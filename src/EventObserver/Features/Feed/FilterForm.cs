using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

namespace EventObserver.Features.Feed;

/// <summary>
/// The filter bar's editable fields over an <see cref="EventSelection"/>: each writes through to it as typed, and
/// <see cref="ToSelection"/> cleans it (blank fields unset, values trimmed, topics sorted). Parts the bar has no field
/// for (ids, time, ranges from a shared URL) are kept as they came.
/// </summary>
public sealed class FilterForm
{
    private EventSelection _typed = EventSelection.All;

    public IReadOnlyCollection<string> Topics
    {
        get => _typed.Topics;
        set => _typed = _typed with { Topics = [.. value] };
    }

    public MessageKind? Kind { get => _typed.Kind; set => _typed = _typed with { Kind = value }; }

    public string? Type { get => _typed.Type; set => _typed = _typed with { Type = value }; }

    public string? Key { get => _typed.Key; set => _typed = _typed with { Key = value }; }

    public string? CorrelationId { get => _typed.CorrelationId; set => _typed = _typed with { CorrelationId = value }; }

    public string? Source { get => _typed.Source; set => _typed = _typed with { Source = value }; }

    public string? HeaderName { get => _typed.HeaderName; set => _typed = _typed with { HeaderName = value }; }

    public string? HeaderValue { get => _typed.HeaderValue; set => _typed = _typed with { HeaderValue = value }; }

    /// <summary>Kept apart: the selection refuses a text over its cap, and the bar says so before applying it.</summary>
    public string? Text { get; set; }

    public static FilterForm From(EventSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return new() { _typed = selection, Text = selection.Text };
    }

    public EventSelection ToSelection()
    {
        var headerName = Clean(_typed.HeaderName);
        return _typed with
        {
            Topics = [.. _typed.Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Type = Clean(_typed.Type),
            Key = Clean(_typed.Key),
            CorrelationId = Clean(_typed.CorrelationId),
            Source = Clean(_typed.Source),
            HeaderName = headerName,
            // A value without a name cannot match anything meaningful: it is dropped.
            HeaderValue = headerName is null ? null : Clean(_typed.HeaderValue),
            Text = Clean(Text),
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
