using System.Globalization;

using EventObserver.Access;
using EventObserver.Features.Audit;
using EventObserver.Features.Replay.Runs;
using EventObserver.Storage.Projections;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Features.Replay;

/// <summary>Runs two projection requests to the end on the server and shows the structural diff of their final states.</summary>
public sealed partial class ComparePanel : IDisposable
{
    public const string Editor = "editor";

    private readonly SelectionForm _second = new();
    private IReadOnlyList<ProjectionDefinition> _versions = [];
    private CancellationTokenSource? _cancel;
    private bool _overSelections;
    private string _left = Editor;
    private string _right = Editor;
    private bool _rightChosen;
    private bool _running;
    private string? _problem;
    private ReplayComparison? _result;

    [Inject] public required ReplayRunManager Manager { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    [Inject] public required ReplayQueries Queries { get; init; }

    [Parameter, EditorRequired] public required SelectionForm Selection { get; set; }

    [Parameter, EditorRequired] public required EditorModel EditorModel { get; set; }

    /// <summary>Raised with the reason when a compare could not start (e.g. a side does not compile): nothing ran.</summary>
    [Parameter] public EventCallback<string> Failed { get; set; }

    /// <summary>Raised with the right-hand run's id when a compare has finished, so the page can show that run.</summary>
    [Parameter] public EventCallback<string> Compared { get; set; }

    public void Dispose() => Cancel();

    protected override async Task OnParametersSetAsync()
    {
        _versions = await Queries.ListAllVersionsAsync(CancellationToken.None);
        // A saved version is the natural other side, until the user chooses one (the editor included).
        if (!_rightChosen && _versions.Count > 0)
        {
            _right = Key(_versions[0].Name, _versions[0].Version);
        }
    }

    private void ChooseRight(string? choice)
    {
        _right = choice ?? Editor;
        _rightChosen = true;
    }

    private static string Key(string name, int version) => version.ToString(CultureInfo.InvariantCulture) + ":" + name;

    private async Task<(string Script, string Label)?> ResolveAsync(string choice)
    {
        if (choice == Editor)
        {
            return (EditorModel.Script, "editor: " + EditorModel.Label);
        }

        var colon = choice.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(choice[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && await Queries.GetProjectionAsync(choice[(colon + 1)..], version, CancellationToken.None) is { } d
            ? (d.Script, $"{d.Name} v{d.Version}")
            : null;
    }

    private async Task CompareAsync()
    {
        _problem = null;
        _result = null;
        await EditorModel.ApplyPendingEditsAsync();
        ReplayRequest left, right;
        if (_overSelections)
        {
            left = new ReplayRequest { Selection = Selection.ToSelection(), Script = EditorModel.Script, Label = "compare A: " + EditorModel.Label, OnError = EditorModel.OnError, Actor = AuditActor.Of(User.Access) };
            right = left with { Selection = _second.ToSelection(), Label = "compare B: " + EditorModel.Label };
        }
        else if (await ResolveAsync(_left) is { } l && await ResolveAsync(_right) is { } r)
        {
            left = new ReplayRequest { Selection = Selection.ToSelection(), Script = l.Script, Label = "compare: " + l.Label, OnError = EditorModel.OnError, Actor = AuditActor.Of(User.Access) };
            right = left with { Script = r.Script, Label = "compare: " + r.Label };
        }
        else
        {
            _problem = "Choose two projections (save a version first to compare against it).";
            return;
        }

        Cancel();
        _cancel = new CancellationTokenSource();
        _running = true;
        try
        {
            var (comparison, problem) = await Manager.CompareAsync(left, right, User.Access, _cancel.Token);
            _result = comparison;
            _problem = problem is null ? null : ReplayProblemText.Explain(problem);
            // A refused start ran nothing; "too large to compare" comes after both runs finished, which stay to be looked at.
            if (problem is { Problem: not ReplayStartProblem.InvalidRequest } || problem is { Errors.Count: > 0 })
            {
                await Failed.InvokeAsync(_problem);
            }
            else if (comparison is not null)
            {
                await Compared.InvokeAsync(comparison.Right.Id);
            }
        }
        catch (OperationCanceledException)
        {
            _problem = "Comparison cancelled.";
        }
        catch (InvalidOperationException ex)
        {
            _problem = ex.Message;
        }
        finally
        {
            _running = false;
        }
    }

    private void Cancel()
    {
        if (_cancel is { } cancel)
        {
            _cancel = null;
            cancel.Cancel();
            cancel.Dispose();
        }
    }
}
