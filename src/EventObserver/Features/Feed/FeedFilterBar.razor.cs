using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Feed;

/// <summary>
/// The feed's filters. Every change produces a new <see cref="EventSelection"/> through <see cref="FilterChanged"/>;
/// the page puts it in the URL and the server evaluates it.
/// </summary>
public sealed partial class FeedFilterBar
{
    private FilterForm _form = new();
    private EventSelection _shown = EventSelection.All;
    private string? _textError;

    [Parameter, EditorRequired] public required EventSelection Filter { get; set; }

    [Parameter] public IReadOnlyList<string> Topics { get; set; } = [];

    [Parameter] public IReadOnlyList<string> Types { get; set; } = [];

    [Parameter] public EventCallback<EventSelection> FilterChanged { get; set; }

    /// <summary>Parts of the URL's filter that were left out, and why.</summary>
    [Parameter] public IReadOnlyList<string> Problems { get; set; } = [];

    /// <summary>Topics to choose from: the known ones plus any already in the filter (e.g. from a shared URL).</summary>
    private IEnumerable<string> TopicChoices => Topics.Union(Filter.Topics, StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private string Note => Filter.IsEmpty
        ? "No filter: every topic, newest first."
        : "Filters run on the server. Topics, kind, type, key and correlation id use the index; source, header and free text are checked event by event"
          + (Filter.ScansText ? " (free text scans payloads)." : ".");

    protected override void OnParametersSet()
    {
        if (!Filter.Equals(_shown))
        {
            _shown = Filter;
            _form = FilterForm.From(Filter);
        }
    }

    private static string TopicsText(IReadOnlyList<string> topics) =>
        topics.Count switch
        {
            0 => "",
            1 => topics[0],
            _ => $"{topics.Count} topics",
        };

    private Task<IEnumerable<string>> SearchTypesAsync(string? text, CancellationToken cancellationToken)
    {
        IEnumerable<string> matches = string.IsNullOrWhiteSpace(text)
            ? Types
            : Types.Where(t => t.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(matches);
    }

    private Task OnTopicsChanged(IEnumerable<string?>? topics) =>
        Set(f => f.Topics = [.. (topics ?? []).OfType<string>()]);

    private Task OnKindChanged(MessageKind? kind) => Set(f => f.Kind = kind);

    private Task OnTypeChanged(string? type) => Set(f => f.Type = type);

    private Task ResetAsync()
    {
        _form = new FilterForm();
        return Publish();
    }

    private Task Set(Action<FilterForm> change)
    {
        change(_form);
        return Publish();
    }

    private Task Publish()
    {
        // Refused here with a message rather than by the filter's own check (an exception).
        var text = _form.Text?.Trim();
        _textError = text is { Length: > EventSelection.MaxTextLength } ? EventSelection.TooLong(text.Length) : null;
        if (_textError is not null)
        {
            return Task.CompletedTask;
        }

        var filter = _form.ToSelection();
        if (filter.Equals(_shown))
        {
            return Task.CompletedTask;
        }

        _shown = filter;
        return FilterChanged.InvokeAsync(filter);
    }
}
