namespace EventObserver.Features.Audit;

/// <summary>One audit record.</summary>
/// <param name="Id">The record's number in the log (grows with each record).</param>
/// <param name="At">When it happened.</param>
/// <param name="Action">What happened: SignIn, SignOut, SignInFailed, AccessDenied, ReplayRun, DryRun, Publish, ProjectionSaved, UnmaskedView, OffsetReset.</param>
/// <param name="Actor">The user name, API key name or "anonymous".</param>
/// <param name="Target">What it was about: a path, a run id, a topic, a projection name.</param>
/// <param name="Detail">The selection, the script's hash, a count or the reason for a refusal.</param>
/// <param name="Succeeded">False when the action was refused or failed.</param>
/// <param name="RemoteAddress">The client's address, when known.</param>
public sealed record AuditEntryDto(
    long Id,
    DateTimeOffset At,
    string Action,
    string Actor,
    string? Target,
    string? Detail,
    bool Succeeded,
    string? RemoteAddress);
