using EventObserver.Access;
using EventObserver.Features.Audit;

using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace EventObserver.Features.IndexRebuild;

/// <summary>The Admin's "Rebuild index" button, with a confirmation, for the Topics page; renders nothing for other users.</summary>
public sealed partial class RebuildIndexButton
{
    public const string ConfirmTitle = "Rebuild the index?";

    public const string ConfirmText =
        "The index file is moved to archive/ and a new, empty index is filled again from the earliest offsets Kafka still has. "
        + "Messages Kafka has already deleted will not be in the new index. Searches see the new index grow while it rebuilds.";

    [Inject] public required IndexRebuilder Rebuilder { get; init; }

    [Inject] public required IDialogService Dialogs { get; init; }

    [Inject] public required ICurrentUser User { get; init; }

    /// <summary>The answer of the last rebuild started here.</summary>
    public IndexRebuildDto? Started { get; private set; }

    private bool IsAdmin => User.Access.IsInRole(AccessRoles.Admin);

    private async Task ConfirmAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(ConfirmTitle, ConfirmText, yesText: "Rebuild", cancelText: "Cancel");
        if (confirmed == true && IsAdmin)
        {
            Started = Rebuilder.Start(AuditActor.Of(User.Access));
        }
    }
}
