using EventObserver.Access;
using EventObserver.Core.Groups;
using EventObserver.Features.Audit;

using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace EventObserver.Features.Groups;

/// <summary>
/// The Admin's offset reset for one group: target, scope, time or offset; Preview shows current → new and the lag after;
/// Apply (confirmed) writes exactly what was previewed. When resets are off it says which setting turns them on.
/// </summary>
public sealed partial class OffsetResetPanel : IDisposable
{
    public const string ConfirmTitle = "Reset the group's offsets?";

    private readonly CancellationTokenSource _closed = new();
    private OffsetResetRequest? _previewed;

    [Parameter, EditorRequired] public required ConsumerGroupStatus Group { get; set; }

    [Inject] public required GroupQueries Queries { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    [Inject] public required IDialogService Dialogs { get; init; }

    public OffsetResetForm Form { get; } = new();

    /// <summary>The last preview or apply; null before the first and after the inputs changed.</summary>
    public OffsetResetOutcome? Outcome { get; private set; }

    /// <summary>A refusal, an input problem, or what was written.</summary>
    public string? Message { get; private set; }

    public bool Busy { get; private set; }

    /// <summary>Apply needs a preview of the same inputs that was not refused.</summary>
    public bool CanApply => Outcome is { IsRefused: false, Applied: false } && _previewed is not null && Current() == _previewed;

    public void Dispose()
    {
        // Not disposed: a request in flight may still ask for its token.
        _closed.Cancel();
    }

    public async Task PreviewAsync()
    {
        if (!TryRequest(out var request))
        {
            return;
        }

        await RunAsync(async () =>
        {
            Outcome = await Queries.PreviewAsync(request, User.Access, _closed.Token);
            _previewed = Outcome.IsRefused ? null : request;
            Message = Outcome.Refusal;
        });
    }

    /// <summary>Writes the previewed reset without asking (the button asks first through <see cref="ConfirmAndApplyAsync"/>).</summary>
    public async Task ApplyAsync()
    {
        if (!CanApply || _previewed is not { } request)
        {
            return;
        }

        await RunAsync(async () =>
        {
            Outcome = await Queries.ApplyAsync(request, User.Access, AuditActor.Of(User.Access), _closed.Token);
            _previewed = null;
            Message = Outcome.Refusal ?? $"Offsets of {Outcome.Rows.Count} partitions written.";
        });
    }

    private async Task ConfirmAndApplyAsync()
    {
        var text = $"Group '{Group.GroupId}', {GroupTexts.Scope(_previewed?.Topic, _previewed?.Partition)}, to {GroupTexts.Target(Form.Target)}: "
            + $"{Outcome?.Rows.Count ?? 0} partitions, lag after {Outcome?.TotalLagAfter ?? 0} messages. Its consumers continue from there.";
        var confirmed = await Dialogs.ShowMessageBoxAsync(ConfirmTitle, text, yesText: "Reset offsets", cancelText: "Cancel");
        if (confirmed == true)
        {
            await ApplyAsync();
        }
    }

    private void SelectTarget(OffsetResetTarget target)
    {
        Form.Target = target;
        Changed();
    }

    private void SelectTopic(string? topic)
    {
        Form.Topic = topic;
        Form.Partition = null;
        Changed();
    }

    private void Changed()
    {
        Outcome = null;
        Message = null;
    }

    private OffsetResetRequest? Current() => Form.TryToRequest(Group.GroupId, out var request, out _) ? request : null;

    private bool TryRequest(out OffsetResetRequest request)
    {
        if (Form.TryToRequest(Group.GroupId, out request, out var problem))
        {
            return true;
        }

        Outcome = null;
        Message = problem;
        return false;
    }

    private async Task RunAsync(Func<Task> action)
    {
        Busy = true;
        try
        {
            await action();
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            // The page was closed during the request.
        }
        finally
        {
            Busy = false;
        }
    }
}
