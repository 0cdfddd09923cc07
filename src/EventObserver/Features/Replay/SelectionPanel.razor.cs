using System.Globalization;

using EventObserver.Access;
using EventObserver.Access.Enforcement;
using EventObserver.Features.Replay.Runs;
using EventObserver.Shared;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Replay;

/// <summary>Edits a <see cref="SelectionForm"/> and counts what it selects (off the circuit's thread, through <see cref="ReplayQueries"/>) after every change.</summary>
public sealed partial class SelectionPanel : IDisposable
{
    private const string TimeFormat = "yyyy-MM-ddTHH:mm:ss";

    private int _version;
    private bool _counting;
    private string? _problem;
    private CancellationTokenSource? _cancel;

    [Inject] public required ReplayQueries Queries { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    [Parameter, EditorRequired] public required SelectionForm Form { get; set; }

    [Parameter] public string TestId { get; set; } = "selection";

    /// <summary>Raised after every change, with the new count (null when no index is open).</summary>
    [Parameter] public EventCallback<ReplaySelectionSummary?> SummaryChanged { get; set; }

    public ReplaySelectionSummary? Summary { get; private set; }

    /// <summary>Counts again (e.g. the page's form was replaced from the URL).</summary>
    public Task RecountAsync() => CountAsync();

    public void Dispose() => CancelCount();

    protected override Task OnInitializedAsync() => CountAsync();

    private async Task SetAsync(Action<SelectionForm> change)
    {
        change(Form);
        await CountAsync();
    }

    private async Task CountAsync()
    {
        var version = ++_version;
        CancelCount();
        var selection = Form.ToSelection();
        var errors = selection.Validate();
        if (errors.Count > 0)
        {
            _problem = string.Join(" ", errors.Values.SelectMany(v => v));
            Summary = null;
            return;
        }

        if (SelectionAccess.Refusal(selection, User.Access) is { } refusal)
        {
            _problem = refusal + " Choose a topic you may read.";
            Summary = null;
            return;
        }

        _problem = null;
        _counting = true;
        var cancel = _cancel = new CancellationTokenSource();
        IndexRead<ReplaySelectionSummary> read;
        try
        {
            read = await Queries.CountAsync(selection, User.Access, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // A newer count replaced this one, or the panel went away.
            return;
        }

        if (version != _version)
        {
            return;
        }

        _counting = false;
        if (read.Status == IndexReadStatus.Failed)
        {
            _problem = "Could not count: " + read.Error;
            return;
        }

        Summary = read.Succeeded ? read.Value : null;
        await SummaryChanged.InvokeAsync(Summary);
    }

    private void CancelCount()
    {
        if (_cancel is { } cancel)
        {
            _cancel = null;
            cancel.Cancel();
            cancel.Dispose();
        }
    }

    private static string? Local(DateTime? value) => value?.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTime? ParseTime(object? value) =>
        value is string text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
}
