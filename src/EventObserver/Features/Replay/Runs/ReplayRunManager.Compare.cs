using System.Globalization;

using EventObserver.Access;
using EventObserver.Access.Enforcement;
using EventObserver.Core.Indexing;
using EventObserver.Core.Projections;

namespace EventObserver.Features.Replay.Runs;

/// <summary>Comparing two projection runs.</summary>
public sealed partial class ReplayRunManager
{
    /// <summary>
    /// Runs two projection requests to the end and diffs their final states: two versions over one selection, or
    /// one projection over two selections. Both sides read below the same per-partition positions, captured once
    /// when the compare starts, so events indexed meanwhile reach neither. Nothing starts unless both sides compile;
    /// both runs stay listed, tagged as one compare. Cancelling stops them. Both read as <paramref name="access"/> may
    /// see (so the diff holds masked values for a user who does not see raw ones).
    /// </summary>
    public async Task<(ReplayComparison? Comparison, ReplayStartResult? Problem)> CompareAsync(
        ReplayRequest left, ReplayRequest right, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(access);
        if (left.Publish is not null || right.Publish is not null)
        {
            return (null, ReplayStartResult.Failed(ReplayStartProblem.InvalidRequest, "Only projections can be compared."));
        }

        if ((CheckBeforeStart(left) ?? CheckBeforeStart(right)) is { } refused)
        {
            return (null, refused);
        }

        if (!_indexes.TryGet(out var rawIndex))
        {
            return (null, ReplayStartResult.Failed(ReplayStartProblem.NoIndex, "No index is open yet: nothing to replay until the broker has answered."));
        }

        var bound = new Dictionary<TopicPartitionKey, long>(new AccessView(access, _masker, _decoder).Over(rawIndex).GetCheckpoints());
        var id = Guid.NewGuid().ToString("N")[..12];
        var first = Start(left with { StartPaused = false, KeepFinalState = true, EndOffsets = bound, Compare = new ReplayCompareTag(id, IsRight: false) }, access);
        if (first.Run is not { } leftRun)
        {
            return (null, first);
        }

        var second = Start(right with { StartPaused = false, KeepFinalState = true, EndOffsets = bound, Compare = new ReplayCompareTag(id, IsRight: true) }, access);
        if (second.Run is not { } rightRun)
        {
            // Refused after the left side started (e.g. too many runs): the half compare goes, it compares nothing.
            Discard(leftRun);
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

    /// <summary>Why a compare side would not start (an invalid request or a script that does not compile), before any side starts.</summary>
    private ReplayStartResult? CheckBeforeStart(ReplayRequest request)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return new ReplayStartResult { Problem = ReplayStartProblem.InvalidRequest, Message = "The replay request is invalid.", Errors = errors };
        }

        var compiled = ProjectionRunner.Create(request.Script!, Limits, request.OnError);
        if (!compiled.Succeeded)
        {
            return CompileFailed(compiled.Error);
        }

        compiled.Runner.Dispose();
        return null;
    }

    /// <summary>Stops a run and drops it from the list (its engine goes once its thread has finished).</summary>
    private void Discard(ReplayRun run)
    {
        run.Stop();
        lock (_sync)
        {
            _runs.Remove(run);
        }

        _ = run.Completion.ContinueWith(_ => run.ReleaseWork(), TaskScheduler.Default);
        RaiseRunsChanged();
    }
}
