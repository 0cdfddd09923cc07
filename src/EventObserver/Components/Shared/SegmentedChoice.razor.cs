using Microsoft.AspNetCore.Components;

namespace EventObserver.Components.Shared;

/// <summary>A segmented group of options with one selected (see SegmentedChoice.razor.css for the one selected style).</summary>
public sealed partial class SegmentedChoice<TItem>
{
    [Parameter, EditorRequired] public required IReadOnlyList<TItem> Items { get; set; }

    [Parameter] public TItem? Selected { get; set; }

    /// <summary>What the option shows; ToString() when not set.</summary>
    [Parameter] public Func<TItem, string>? Label { get; set; }

    /// <summary>The option's value for <see cref="ValueAttribute"/> and for comparing with <see cref="Selected"/>; ToString() when not set.</summary>
    [Parameter] public Func<TItem, string>? Key { get; set; }

    /// <summary>An attribute carrying each option's key (e.g. <c>data-window</c>), for tests and styles.</summary>
    [Parameter] public string? ValueAttribute { get; set; }

    /// <summary>When set, options are links to these addresses instead of buttons.</summary>
    [Parameter] public Func<TItem, string>? Href { get; set; }

    [Parameter] public EventCallback<TItem> OnSelect { get; set; }

    [Parameter] public bool Disabled { get; set; }

    [Parameter, EditorRequired] public required string AriaLabel { get; set; }

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    private static string ButtonClass(bool selected) => selected ? "eo-seg-btn eo-seg-selected" : "eo-seg-btn";

    private string Text(TItem item) => Label?.Invoke(item) ?? item?.ToString() ?? "";

    private string Value(TItem item) => Key?.Invoke(item) ?? item?.ToString() ?? "";

    private bool IsSelected(TItem item) => Selected is not null && Value(item) == Value(Selected);
}
