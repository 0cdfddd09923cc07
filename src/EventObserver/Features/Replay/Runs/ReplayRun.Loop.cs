using System.Text.Json.Nodes;

using EventObserver.Core.Envelopes;
using EventObserver.Core.Projections;

namespace EventObserver.Features.Replay.Runs;

/// <summary>The run's thread: controls, processing, snapshots.</summary>
public sealed partial class ReplayRun
{
    private const int MaxChangesShown = 1000;
    private const int ClockCheckEvery = 128;

    private long _runningTicks;
    private long _runningSince = -1;
    private long _lastSnapshotAt;
    private JsonNode? _lastState;
    private long _processedOnRun;
    private long _lastStateAt;
    private EventEnvelope? _lastEnvelope;
    private StepResult? _lastResult;
    private string? _failure;

    private void Loop()
    {
        using var activity = ReplayTelemetry.StartRun(Kind);
        var status = ReplayRunStatus.Completed;
        string? failure = null;
        try
        {
            using var events = _resolved.Read(_work.Prepare).GetEnumerator();
            TakeSnapshot(Snapshot.Status, withState: true);
            var freeRunning = false;
            while (true)
            {
                // Free running (no pause, step, run-to or stop pending) skips the gate until a control touches it.
                var stepping = false;
                if (!freeRunning || _controlsTouched)
                {
                    (var stop, stepping, freeRunning) = WaitForTurn();
                    if (stop)
                    {
                        status = ReplayRunStatus.Stopped;
                        break;
                    }
                }

                if (!events.MoveNext())
                {
                    break;
                }

                var (envelope, prepared) = events.Current;
                StepResult result;
                lock (_workLock)
                {
                    result = _work.Process(envelope, prepared, _stopping.Token);
                }

                YieldToReaders();
                var processed = ++_processedOnRun;
                Volatile.Write(ref _processed, processed);
                _lastEnvelope = envelope;
                _lastResult = result;
                if (_work.IsStopped)
                {
                    status = ReplayRunStatus.Failed;
                    break;
                }

                if (stepping || (!freeRunning && ReachedRunToType(envelope)))
                {
                    TakeSnapshot(ReplayRunStatus.Paused, withState: true);
                }
                else if (processed % ClockCheckEvery == 0 && DueForSnapshot())
                {
                    // While running, counters refresh every interval and the (costly) state every other one.
                    TakeSnapshot(ReplayRunStatus.Running, withState: _time.GetElapsedTime(_lastStateAt) >= _stateInterval);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            status = ReplayRunStatus.Stopped;
        }
        catch (Exception ex)
        {
            status = ReplayRunStatus.Failed;
            failure = ex is ObjectDisposedException
                ? "The index was closed while the run read it (the cluster changed?)."
                : ex.Message;
        }

        Finish(status, failure);
    }

    /// <summary>
    /// Blocks while paused; returns whether to stop, whether this event is a requested step, and whether the run may
    /// go on without the gate until a control touches it.
    /// </summary>
    private (bool Stop, bool Stepping, bool FreeRunning) WaitForTurn()
    {
        lock (_gate)
        {
            _controlsTouched = false;
            while (true)
            {
                if (_stopRequested)
                {
                    return (true, false, false);
                }

                if (!_paused)
                {
                    StartClock();
                    if (Snapshot.Status != ReplayRunStatus.Running)
                    {
                        TakeSnapshot(ReplayRunStatus.Running, withState: false);
                    }

                    return (false, false, _runToType is null);
                }

                if (_stepsRequested > 0)
                {
                    _stepsRequested--;
                    return (false, true, false);
                }

                StopClock();
                if (Snapshot.Status != ReplayRunStatus.Paused)
                {
                    TakeSnapshot(ReplayRunStatus.Paused, withState: true);
                }

                Monitor.Wait(_gate);
            }
        }
    }

    private bool ReachedRunToType(EventEnvelope envelope)
    {
        lock (_gate)
        {
            if (_runToType is null || !string.Equals(envelope.MessageType, _runToType, StringComparison.Ordinal))
            {
                return false;
            }

            _runToType = null;
            _paused = true;
            return true;
        }
    }

    private bool DueForSnapshot() => _time.GetElapsedTime(_lastSnapshotAt) >= _snapshotInterval;

    private void TakeSnapshot(ReplayRunStatus status, bool withState)
    {
        _lastSnapshotAt = _time.GetTimestamp();
        if (withState)
        {
            _lastStateAt = _lastSnapshotAt;
        }

        var previous = Snapshot;
        var state = previous.State;
        var truncated = previous.StateTruncated;
        var partitions = previous.PartitionCount;
        IReadOnlyList<JsonChange> changes = previous.Changes;
        IReadOnlyList<ProjectionError> errors;
        lock (_workLock)
        {
            if (withState)
            {
                (state, truncated, partitions) = _work.TakeState();
                Materialize(state);
                changes = JsonDiff.Compare(_lastState, state, MaxChangesShown);
                _lastState = state;
            }

            errors = _work.CopyErrors();
        }

        var processed = Processed;
        var rate = EventsPerSecond(processed);
        var finished = status is ReplayRunStatus.Completed or ReplayRunStatus.Failed or ReplayRunStatus.Stopped;
        Publish(previous with
        {
            Status = status,
            Processed = processed,
            Applied = _work.Applied,
            Skipped = _work.Skipped,
            Failed = _work.Failed,
            EventsPerSec = rate,
            Eta = finished || rate <= 0 ? null : TimeSpan.FromSeconds(Math.Max(0, Total - processed) / rate),
            FinishedAt = finished ? _time.GetUtcNow() : null,
            State = state,
            StateTruncated = truncated,
            PartitionCount = partitions,
            Changes = changes,
            LastEvent = LastEventRef(previous.LastEvent),
            Errors = errors,
            Publish = _work.PublishProgress(),
            Message = _failure,
        });
    }

    /// <summary>Built per snapshot, not per event: the loop only keeps the last envelope.</summary>
    private ReplayEventRef? LastEventRef(ReplayEventRef? previous)
    {
        if (_lastEnvelope is not { } envelope || _lastResult is null)
        {
            return previous;
        }

        if (previous is not null && previous.Position.Topic == envelope.Topic && previous.Position.Partition == envelope.Partition
            && previous.Position.Offset == envelope.Offset)
        {
            return previous;
        }

        return new ReplayEventRef(new EventPosition(envelope.Topic, envelope.Partition, envelope.Offset),
            envelope.MessageType, envelope.Timestamp, _lastResult.Outcome, _lastResult.PartitionKey);
    }

    /// <summary>
    /// JsonNode.Parse builds objects lazily; a snapshot is read by many threads (requests, pages), so it is fully
    /// built here, on the run's thread, before it is published.
    /// </summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialize(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Materialize(child);
                }

                break;
        }
    }

    private void YieldToReaders()
    {
        var spin = new SpinWait();
        while (Volatile.Read(ref _readersWaiting) > 0)
        {
            spin.SpinOnce();
        }
    }

    private void StartClock()
    {
        if (_runningSince < 0)
        {
            _runningSince = _time.GetTimestamp();
        }
    }

    private void StopClock()
    {
        if (_runningSince >= 0)
        {
            _runningTicks += _time.GetTimestamp() - _runningSince;
            _runningSince = -1;
        }
    }

    private double EventsPerSecond(long processed)
    {
        var ticks = _runningTicks + (_runningSince >= 0 ? _time.GetTimestamp() - _runningSince : 0);
        var seconds = ticks / (double)_time.TimestampFrequency;
        return seconds <= 0.001 ? 0 : processed / seconds;
    }
}
