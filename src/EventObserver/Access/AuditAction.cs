namespace EventObserver.Access;

public enum AuditAction
{
    SignIn,
    SignOut,
    SignInFailed,
    AccessDenied,
    ReplayRun,
    DryRun,
    Publish,
    ProjectionSaved,
    UnmaskedView,
    OffsetReset,
    IndexRebuild,
}
