namespace EventObserver.Core.Projections;

/// <summary>A limit the runner itself enforces between script calls (state size, partition count).</summary>
internal sealed class SandboxLimitException(ProjectionError error) : Exception(error.Message)
{
    public ProjectionError Error { get; } = error;
}
