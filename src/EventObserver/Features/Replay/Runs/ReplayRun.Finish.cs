namespace EventObserver.Features.Replay.Runs;

/// <summary>The end of a run: the final snapshot, and releasing the engine so a finished run keeps only its summary.</summary>
public sealed partial class ReplayRun
{
    /// <summary>The most a finished run keeps of a state its last snapshot shows only in part.</summary>
    public const long MaxFinalStateBytes = 8L * 1024 * 1024;

    // Above this many partitions a state is assumed too large to keep whole, and not serialised to find out (a
    // 1,000,000-event order replay has 125,000); compare runs always try.
    private const int MaxPartitionsKeptWhole = 10_000;

    private void Finish(ReplayRunStatus status, string? failure)
    {
        StopClock();
        if (status == ReplayRunStatus.Stopped)
        {
            lock (_gate)
            {
                failure ??= _stopReason;
            }
        }

        try
        {
            failure = _work.Complete(status, failure);
        }
        catch (Exception ex)
        {
            failure ??= ex.Message;
        }

        if (failure is not null && status == ReplayRunStatus.Completed)
        {
            status = ReplayRunStatus.Failed;
        }

        _failure = failure;
        ReplayTelemetry.Finished(Kind, status, _processedOnRun, TimeSpan.FromSeconds(_runningTicks / (double)_time.TimestampFrequency));
        try
        {
            TakeSnapshot(status, withState: true);
        }
        catch (Exception ex)
        {
            _failure ??= ex.Message;
            Publish(Snapshot with { Status = status, FinishedAt = _time.GetUtcNow(), Message = _failure });
        }

        KeepFinalState();
        ReleaseWork();
        _lastState = null;
        _lastEnvelope = null;
        _completion.TrySetResult();
    }

    /// <summary>The engine goes with the run: what outlives it is the last snapshot, and the whole state when small.</summary>
    private void KeepFinalState()
    {
        var snapshot = Snapshot;
        if (!snapshot.StateTruncated || (!_keepFinalState && snapshot.PartitionCount > MaxPartitionsKeptWhole))
        {
            return;
        }

        try
        {
            lock (_workLock)
            {
                Volatile.Write(ref _finalState, _work.TakeFinalState(MaxFinalStateBytes));
            }
        }
        catch (Exception)
        {
            // The snapshot is what remains.
        }
    }

    /// <summary>Releases the sandbox (when the manager drops the run); later state reads come from the last snapshot.</summary>
    internal void ReleaseWork()
    {
        lock (_workLock)
        {
            if (!_workReleased)
            {
                _workReleased = true;
                _work.Dispose();
            }
        }
    }
}
