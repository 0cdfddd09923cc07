using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace EventObserver.Features.Feed;

/// <summary>
/// The feed's filters, in a panel that collapses to one line ("Filters (n active)" and what they are). Every change
/// produces a new <see cref="EventSelection"/> through <see cref="FilterChanged"/>; the page puts it in the URL and the
/// server evaluates it. Choices (topics, kind, a type from the suggestions) apply at once; typed text applies
/// <see cref="ApplyDelay"/> after the last keystroke, or at once on Enter or when the field is left.
/// </summary>
public sealed partial class FeedFilterBar : IDisposable
{
    /// <summary>How long typing must pause before a text filter applies: each applied filter restarts the view.</summary>
    public static readonly TimeSpan ApplyDelay = TimeSpan.FromMilliseconds(300);

    private FilterForm _form = new();
    private EventSelection _shown = EventSelection.All;
    private string? _textError;
    private ITimer? _debounce;
    private int _typing;
    private bool _pending;
    private bool _open;
    private bool _disposed;

    [Inject] public required TimeProvider Time { get; init; }

    [Parameter, EditorRequired] public required EventSelection Filter { get; set; }

    [Parameter] public IReadOnlyList<string> Topics { get; set; } = [];

    [Parameter] public IReadOnlyList<string> Types { get; set; } = [];

    [Parameter] public EventCallback<EventSelection> FilterChanged { get; set; }

    /// <summary>Parts of the URL's filter that were left out, and why.</summary>
    [Parameter] public IReadOnlyList<string> Problems { get; set; } = [];

    /// <summary>True while typed text waits for <see cref="ApplyDelay"/> before it applies.</summary>
    public bool Pending => _pending;

    /// <summary>Counts keystrokes taken (and waits cancelled); a keystroke reaches the bar through MudBlazor asynchronously.</summary>
    internal int TypingGeneration => _typing;

    /// <summary>Topics to choose from: the known ones plus any already in the filter (e.g. from a shared URL).</summary>
    private IEnumerable<string> TopicChoices => Topics.Union(Filter.Topics, StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private IReadOnlyList<string> ActiveParts => FilterSummary.Parts(Filter);

    private string Summary => ActiveParts.Count == 0 ? "none: every topic, newest first" : string.Join(" · ", ActiveParts);

    private string Note => Filter.IsEmpty
        ? "No filter: every topic, newest first."
        : "Filters run on the server. Topics, kind, type, key and correlation id use the index; source, header and free text are checked event by event"
          + (Filter.ScansText ? " (free text scans payloads)." : ".");

    public void Dispose()
    {
        _disposed = true;
        _debounce?.Dispose();
    }

    protected override void OnParametersSet()
    {
        if (!Filter.Equals(_shown))
        {
            _shown = Filter;
            _form = FilterForm.From(Filter);
            CancelTyping();
        }
    }

    private static string TopicsText(IReadOnlyList<string> topics) =>
        topics.Count switch
        {
            0 => "",
            1 => topics[0],
            _ => $"{topics.Count} topics",
        };

    private void Toggle() => _open = !_open;

    private Task<IEnumerable<string>> SearchTypesAsync(string? text, CancellationToken cancellationToken) =>
        Task.FromResult<IEnumerable<string>>(TypeSuggestions.For(Types, text));

    private Task OnTopicsChanged(IEnumerable<string?>? topics) =>
        Set(f => f.Topics = [.. (topics ?? []).OfType<string>()]);

    private Task OnKindChanged(MessageKind? kind) => Set(f => f.Kind = kind);

    private Task OnTypeChanged(string? type) => Set(f => f.Type = type);

    private Task ResetAsync()
    {
        _form = new FilterForm();
        CancelTyping();
        return Publish();
    }

    private Task Set(Action<FilterForm> change)
    {
        change(_form);
        return Publish();
    }

    /// <summary>Takes the keystroke into the form and (re)starts the wait before it applies.</summary>
    private void Typed(Action<FilterForm> change)
    {
        change(_form);
        var text = _form.Text?.Trim();
        _textError = text is { Length: > EventSelection.MaxTextLength } ? EventSelection.TooLong(text.Length) : null;
        var typing = ++_typing;
        _pending = true;
        _debounce?.Dispose();
        _debounce = Time.CreateTimer(_ => _ = InvokeAsync(() => ApplyTypedAsync(typing)), null, ApplyDelay, Timeout.InfiniteTimeSpan);
    }

    private async Task ApplyTypedAsync(int typing)
    {
        if (_disposed || typing != _typing)
        {
            return; // more was typed meanwhile, or it was applied already
        }

        _pending = false;
        await Publish();
        StateHasChanged();
    }

    private Task ApplyNowAsync()
    {
        if (!_pending)
        {
            return Task.CompletedTask;
        }

        CancelTyping();
        return Publish();
    }

    private Task OnKeyDownAsync(KeyboardEventArgs args) =>
        args.Key is "Enter" or "NumpadEnter" ? ApplyNowAsync() : Task.CompletedTask;

    private void CancelTyping()
    {
        _typing++;
        _pending = false;
        _debounce?.Dispose();
        _debounce = null;
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
