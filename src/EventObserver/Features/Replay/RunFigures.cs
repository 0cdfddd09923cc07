using EventObserver.Components.Shared;
using EventObserver.Core.Projections;
using EventObserver.Features.Replay.Runs;

namespace EventObserver.Features.Replay;

/// <summary>
/// How a run's progress and kind read on the page: the run list and the run's own bar both take their figures from
/// here, so they cannot disagree.
/// </summary>
public static class RunFigures
{
    /// <summary>
    /// Events processed as shown: the run's live counter runs ahead of its snapshot (and of the snapshot's state), so
    /// only a running run shows it; a paused or finished one shows the snapshot's count, which matches its state.
    /// </summary>
    public static long Processed(ReplayRunSnapshot snapshot, long? live)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Status == ReplayRunStatus.Running ? Math.Max(snapshot.Processed, live ?? 0) : snapshot.Processed;
    }

    /// <summary>"paused · 74/4,839": the status and the processed of total the run's bar shows.</summary>
    public static string Progress(ReplayRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var snapshot = run.Snapshot;
        return $"{snapshot.Status.ToString().ToLowerInvariant()} · {DisplayFormat.Count(Processed(snapshot, run.Processed))}/{DisplayFormat.Count(snapshot.Total)}";
    }

    /// <summary>What the run is: a projection, a publish, or a publish preview (a dry run, which sends nothing).</summary>
    public static string KindName(ReplayRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Kind == ReplayRunKind.Projection ? "projection" : run.DryRun ? "publish preview" : "publish";
    }

    /// <summary>What happened to one event: a publish preview only says it would be published; a publish that it was sent.</summary>
    public static string Outcome(ReplayRun run, StepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Kind == ReplayRunKind.Projection ? outcome.ToString().ToLowerInvariant()
            : outcome != StepOutcome.Applied ? outcome.ToString().ToLowerInvariant()
            : run.DryRun ? "would publish" : "sent";
    }

    /// <summary>The run's name in lists and its heading.</summary>
    public static string Title(ReplayRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return DisplayFormat.Clip(run.Label ?? (run.Kind == ReplayRunKind.Projection ? "Projection" : run.DryRun ? "Publish preview" : "Publish"));
    }
}
