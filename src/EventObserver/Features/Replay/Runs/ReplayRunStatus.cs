namespace EventObserver.Features.Replay.Runs;

public enum ReplayRunStatus
{
    Running = 0,
    Paused = 1,
    Completed = 2,
    Failed = 3,
    Stopped = 4,
}
