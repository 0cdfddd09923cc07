using System.Globalization;

using EventObserver.Access;
using EventObserver.Core.Projections;

namespace EventObserver.Features.Replay.Runs;

/// <summary>Comparing two projection runs.</summary>
public sealed partial class ReplayRunManager
{
    /// <summary>
    /// Runs two projection requests to the end and diffs their final states: two versions over one selection, or
    /// one projection over two selections. Both runs stay listed. Cancelling stops them. Both read as
    /// <paramref name="access"/> may see (so the diff holds masked values for a user who does not see raw ones).
    /// </summary>
    public async Task<(ReplayComparison? Comparison, ReplayStartResult? Problem)> CompareAsync(
        ReplayRequest left, ReplayRequest right, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Publish is not null || right.Publish is not null)
        {
            return (null, ReplayStartResult.Failed(ReplayStartProblem.InvalidRequest, "Only projections can be compared."));
        }

        var first = Start(left with { StartPaused = false, KeepFinalState = true }, access);
        if (first.Run is not { } leftRun)
        {
            return (null, first);
        }

        var second = Start(right with { StartPaused = false, KeepFinalState = true }, access);
        if (second.Run is not { } rightRun)
        {
            leftRun.Stop();
            return (null, second);
        }

        try
        {
            await Task.WhenAll(leftRun.Completion, rightRun.Completion).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            leftRun.Stop();
            rightRun.Stop();
            throw;
        }

        if (!leftRun.HasCompleteState || !rightRun.HasCompleteState)
        {
            return (null, ReplayStartResult.Failed(ReplayStartProblem.InvalidRequest, string.Create(CultureInfo.InvariantCulture,
                $"A final state is over {ReplayRun.MaxFinalStateBytes / (1024 * 1024)} MB of JSON, too large to compare; narrow the selections.")));
        }

        var changes = JsonDiff.Compare(leftRun.GetState(), rightRun.GetState(), MaxCompareChanges + 1);
        var truncated = changes.Count > MaxCompareChanges;
        return (new ReplayComparison(leftRun.Snapshot, rightRun.Snapshot, truncated ? [.. changes.Take(MaxCompareChanges)] : changes, truncated), null);
    }
}
