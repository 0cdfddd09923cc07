namespace EventObserver.Core.Projections;

public enum StepOutcome
{
    /// <summary>At least one handler ran and the state was kept.</summary>
    Applied = 0,

    /// <summary>No handler matches the event's type, or <c>partitionBy</c> gave null or undefined.</summary>
    Skipped = 1,

    /// <summary>The event failed; see <see cref="StepResult.Error"/>.</summary>
    Failed = 2,
}
