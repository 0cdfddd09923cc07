using System.Globalization;

using EventObserver.Replay;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Components.Replay;

/// <summary>Edits a <see cref="SelectionForm"/> and counts what it selects (off the circuit's thread) after every change.</summary>
public sealed partial class SelectionPanel
{
    private const string TimeFormat = "yyyy-MM-ddTHH:mm:ss";

    private int _version;
    private bool _counting;
    private string? _problem;

    [Inject] public required ReplayRunManager Manager { get; init; }

    [Parameter, EditorRequired] public required SelectionForm Form { get; set; }

    [Parameter] public string TestId { get; set; } = "selection";

    /// <summary>Raised after every change, with the new count (null when no index is open).</summary>
    [Parameter] public EventCallback<ReplaySelectionSummary?> SummaryChanged { get; set; }

    public ReplaySelectionSummary? Summary { get; private set; }

    /// <summary>Counts again (e.g. the page's form was replaced from the URL).</summary>
    public Task RecountAsync() => CountAsync();

    protected override Task OnInitializedAsync() => CountAsync();

    private async Task SetAsync(Action<SelectionForm> change)
    {
        change(Form);
        await CountAsync();
    }

    private async Task CountAsync()
    {
        var version = ++_version;
        var selection = Form.ToSelection();
        var errors = selection.Validate();
        if (errors.Count > 0)
        {
            _problem = string.Join(" ", errors.Values.SelectMany(v => v));
            Summary = null;
            return;
        }

        _problem = null;
        _counting = true;
        ReplaySelectionSummary? summary;
        try
        {
            // Counting reads the index; a large selection must not freeze the circuit meanwhile.
            summary = await Task.Run(() => Manager.Describe(selection));
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or IOException)
        {
            if (version == _version)
            {
                _counting = false;
                _problem = "Could not count: " + ex.Message;
            }

            return;
        }

        if (version != _version)
        {
            return;
        }

        _counting = false;
        Summary = summary;
        await SummaryChanged.InvokeAsync(summary);
    }

    private static string? Local(DateTime? value) => value?.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTime? ParseTime(object? value) =>
        value is string text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
}
