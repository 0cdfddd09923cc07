namespace EventObserver.Features.Replay.Runs;

/// <summary>The manager's part in a graceful shutdown: running and paused runs stop between two events, saying why.</summary>
public sealed partial class ReplayRunManager
{
    /// <summary>The message of a run the app's shutdown stopped (its snapshot and, for a publish, the publish log).</summary>
    public const string ShutdownReason = "stopped: the app shut down";

    // A publish stopped by the shutdown waits this long for deliveries in flight: the host's shutdown timeout is short,
    // and what is not confirmed by then is counted as not delivered in the publish log.
    private static readonly TimeSpan ShutdownDeliveryTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Stops every running or paused run with <see cref="ShutdownReason"/> (a publish between two messages, never inside
    /// one) and returns when they have all finished; the caller bounds the wait.
    /// </summary>
    public Task StopAllForShutdownAsync()
    {
        List<ReplayRun> active;
        lock (_sync)
        {
            active = [.. _runs.Where(r => !r.Snapshot.IsFinished)];
        }

        foreach (var run in active)
        {
            if (run.Work is PublishWork publish)
            {
                publish.CompleteTimeout = ShutdownDeliveryTimeout;
            }

            if (run.Stop(ShutdownReason).Accepted)
            {
                LogStoppedAtShutdown(run.Id, run.Kind, run.Processed, run.Total);
            }
        }

        return Task.WhenAll(active.Select(r => r.Completion));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay {ReplayId} ({Kind}) stopped by the app's shutdown after {Processed} of {Total} events")]
    private partial void LogStoppedAtShutdown(string replayId, ReplayRunKind kind, long processed, long total);
}
