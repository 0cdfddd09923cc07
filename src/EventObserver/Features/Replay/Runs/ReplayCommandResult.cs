namespace EventObserver.Features.Replay.Runs;

/// <summary>Whether a control (pause, step, …) was taken; when not, why (e.g. "the run has completed").</summary>
public sealed record ReplayCommandResult(bool Accepted, string? Reason)
{
    public static ReplayCommandResult Ok { get; } = new(true, null);

    public static ReplayCommandResult Refused(string reason) => new(false, reason);
}
