using EventObserver.Core.Projections;
using EventObserver.Kafka.Replay;

namespace EventObserver.Features.Replay.Runs;

/// <summary>A started run, or why none was started.</summary>
public sealed record ReplayStartResult
{
    public ReplayRun? Run { get; init; }
    public ReplayStartProblem Problem { get; init; }

    /// <summary>One sentence for the user.</summary>
    public string? Message { get; init; }
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
    public ProjectionError? CompileError { get; init; }
    public PublishRefusal Refusal { get; init; }

    public static ReplayStartResult Started(ReplayRun run) => new() { Run = run };

    public static ReplayStartResult Failed(ReplayStartProblem problem, string message) => new() { Problem = problem, Message = message };
}
