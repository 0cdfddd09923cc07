using System.Diagnostics.CodeAnalysis;

namespace EventObserver.Core.Projections;

/// <summary>The outcome of <see cref="ProjectionRunner.Create"/>: a runner, or the reason there is none.</summary>
public sealed class ProjectionCompilation
{
    private ProjectionCompilation(ProjectionRunner? runner, ProjectionError? error)
    {
        Runner = runner;
        Error = error;
    }

    public ProjectionRunner? Runner { get; }
    public ProjectionError? Error { get; }

    [MemberNotNullWhen(true, nameof(Runner))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Runner is not null;

    internal static ProjectionCompilation Success(ProjectionRunner runner) => new(runner, null);

    internal static ProjectionCompilation Failure(ProjectionError error) => new(null, error);
}
