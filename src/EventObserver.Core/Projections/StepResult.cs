namespace EventObserver.Core.Projections;

/// <summary>What one <see cref="ProjectionRunner.Apply"/> did.</summary>
public sealed record StepResult(StepOutcome Outcome, ProjectionError? Error = null, string? PartitionKey = null)
{
    internal static StepResult NoHandler { get; } = new(StepOutcome.Skipped);
}
