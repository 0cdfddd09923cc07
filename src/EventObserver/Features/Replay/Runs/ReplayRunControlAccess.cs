using EventObserver.Access;

namespace EventObserver.Features.Replay.Runs;

/// <summary>
/// Who may move a run forward. A real re-publish needs the Publisher role to start; without this check an Operator
/// could resume, step or run on a publish that a Publisher started paused, and so publish after all.
/// </summary>
public static class ReplayRunControlAccess
{
    public const string PublisherNeeded = "You need the Publisher role to move a re-publish forward; you may pause or stop it.";

    /// <summary>Why <paramref name="user"/> may not resume, step or run on the run of <paramref name="snapshot"/>; null when they may.</summary>
    public static string? RefuseAdvance(ReplayRunSnapshot snapshot, UserAccess user)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(user);
        return snapshot.Publish is { DryRun: false } && !user.IsInRole(AccessRoles.Publisher) ? PublisherNeeded : null;
    }
}
