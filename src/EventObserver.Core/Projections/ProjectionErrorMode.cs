namespace EventObserver.Core.Projections;

/// <summary>What a run does after an event fails.</summary>
public enum ProjectionErrorMode
{
    /// <summary>The run stops at the failing event; later <c>Apply</c> calls are refused.</summary>
    Stop = 0,

    /// <summary>The failing event is reported and skipped; the run goes on.</summary>
    Skip = 1,
}
