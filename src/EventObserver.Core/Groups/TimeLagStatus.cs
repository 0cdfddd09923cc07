namespace EventObserver.Core.Groups;

/// <summary>How a partition's time lag was found.</summary>
public enum TimeLagStatus
{
    /// <summary>The group has consumed everything written (lag 0): time lag is zero.</summary>
    CaughtUp,

    /// <summary>Read from the index: now minus the timestamp of the first uncommitted event.</summary>
    Exact,

    /// <summary>The first uncommitted event is older than the oldest indexed one (deleted by retention, or never indexed).</summary>
    NoLongerIndexed,

    /// <summary>The first uncommitted event is newer than what the index holds yet (ingestion is behind).</summary>
    NotYetIndexed,

    /// <summary>The group has no committed offset on this partition.</summary>
    NoCommit,

    /// <summary>Not looked up (no index open, or the lookup budget of this refresh was spent).</summary>
    Unknown,
}
