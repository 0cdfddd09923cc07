namespace EventObserver.Kafka.Replay;

/// <summary>
/// Paces sends to at most <c>perSecond</c>: send n is due n/perSecond after the first. A pause longer than a second
/// (a paused run) restarts the schedule, so no burst follows it. Not thread-safe: one sender.
/// </summary>
public sealed class ReplayRateLimiter
{
    private readonly double _perSecond;
    private readonly TimeProvider _time;
    private long _start;
    private long _count;

    public ReplayRateLimiter(double perSecond, TimeProvider time)
    {
        if (!double.IsFinite(perSecond) || perSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(perSecond), perSecond, "The rate must be a positive number of events per second.");
        }

        _perSecond = perSecond;
        _time = time;
    }

    /// <summary>How long to wait before the next send; counts that send.</summary>
    public TimeSpan NextDelay()
    {
        var now = _time.GetTimestamp();
        if (_count == 0)
        {
            _start = now;
            _count = 1;
            return TimeSpan.Zero;
        }

        var due = TimeSpan.FromSeconds(_count / _perSecond);
        var elapsed = _time.GetElapsedTime(_start, now);
        if (elapsed - due > TimeSpan.FromSeconds(1))
        {
            _start = now;
            _count = 1;
            return TimeSpan.Zero;
        }

        _count++;
        return due > elapsed ? due - elapsed : TimeSpan.Zero;
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var delay = NextDelay();
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);
    }
}
