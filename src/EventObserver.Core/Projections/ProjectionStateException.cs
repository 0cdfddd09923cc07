namespace EventObserver.Core.Projections;

/// <summary>The state could not be turned into JSON (a getter that loops, a state nested too deep, …).</summary>
public sealed class ProjectionStateException(ProjectionError error) : Exception(error.Message)
{
    public ProjectionError Error { get; } = error;
}
