namespace EventObserver.Features.Replay.Runs;

public enum ReplayStartProblem
{
    None = 0,

    /// <summary>The request or its selection is malformed; see the errors by field.</summary>
    InvalidRequest = 1,

    /// <summary>The projection does not compile.</summary>
    CompileError = 2,

    /// <summary>A guard refused the publish (disabled, target not allowed, same topic without confirmation).</summary>
    PublishRefused = 3,

    /// <summary>No index is open yet (the broker never answered).</summary>
    NoIndex = 4,

    /// <summary>Too many runs are running or paused.</summary>
    TooManyRuns = 5,

    /// <summary>The selection or the publish target names a topic the user may not read, or the publish would send values they may only see masked.</summary>
    AccessDenied = 6,
}
