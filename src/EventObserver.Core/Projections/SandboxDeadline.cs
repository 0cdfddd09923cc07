using System.Diagnostics;
using Jint;

namespace EventObserver.Core.Projections;

/// <summary>
/// The per-call time limit, as Jint's own timeout does it (a deadline armed at each top-level call), but with an
/// interval the sandbox can change: the guards and prelude get seconds on a cold process (first parse and JIT took
/// ~0.4 s here), every script call gets <see cref="ProjectionLimits.TimeoutPerCall"/>.
/// </summary>
/// <remarks>
/// The limit is on the script's own running time. Wall time alone also counts GC pauses of the whole process and the
/// time the thread waited for a core: on a busy machine (the soak: full collections, load 14 on two cores) calls that
/// need milliseconds failed replays. Reading a thread's CPU time costs microseconds, too much for every call, so a call
/// that passes half its interval starts a reading (<see cref="ThreadCpuClock"/>); at the deadline the share of a core
/// the thread got since then stands for the first half too: used = first half × share + CPU time since. The call stops
/// when that reaches the interval; otherwise the deadline moves on by what is left. Where the CPU time cannot be read,
/// GC pause time is taken off the wall time instead. A hard wall limit of <see cref="HardLimitFactor"/> intervals bounds
/// it all.
/// </remarks>
internal sealed class SandboxDeadline(TimeSpan interval) : Constraint
{
    /// <summary>However idle the script's thread is kept, a call ends after this many intervals of wall time.</summary>
    public const int HardLimitFactor = 20;

    private long _start;
    private long _halfway;
    private long _deadline;
    private long _hardDeadline;
    private TimeSpan _pausesAtStart;
    private long _readingAt;
    private TimeSpan _cpuAtReading;
    private bool _reading;

    public TimeSpan Interval { get; set; } = interval;

    /// <summary>A clock only advances: checking every few statements only bounds how late the timeout is noticed.</summary>
    public override bool IsAmortizable => true;

    public override void Check()
    {
        var now = Stopwatch.GetTimestamp();
        if (now < _halfway)
        {
            return;
        }

        if (!_reading)
        {
            // A thread first seen here past its deadline was kept off the CPU (a GC pause, a busy machine): give the
            // reading half an interval to tell its share of a core before judging.
            StartReading(now);
            _deadline = Math.Max(_deadline, now + Ticks(Interval / 2));
        }

        if (now < _deadline)
        {
            return;
        }

        var used = Used(now);
        if (used >= Interval || now >= _hardDeadline)
        {
            throw new TimeoutException("The script ran longer than its time limit.");
        }

        _deadline = now + Ticks(Interval - used);
    }

    public override void Reset()
    {
        _start = Stopwatch.GetTimestamp();
        var ticks = Ticks(Interval);
        _halfway = _start + ticks / 2;
        _deadline = _start + ticks;
        _hardDeadline = _start + ticks * HardLimitFactor;
        _pausesAtStart = GC.GetTotalPauseDuration();
        _reading = false;
    }

    private void StartReading(long now)
    {
        _reading = true;
        _readingAt = now;
        if (!ThreadCpuClock.TryRead(out _cpuAtReading))
        {
            _cpuAtReading = TimeSpan.MinValue;
        }
    }

    /// <summary>The call's own running time so far, as well as it can be told.</summary>
    private TimeSpan Used(long now)
    {
        if (_cpuAtReading != TimeSpan.MinValue && ThreadCpuClock.TryRead(out var cpu))
        {
            var sinceReading = Stopwatch.GetElapsedTime(_readingAt, now);
            var cpuSinceReading = cpu - _cpuAtReading;
            var share = sinceReading > TimeSpan.Zero ? Math.Clamp(cpuSinceReading / sinceReading, 0, 1) : 1;
            return Stopwatch.GetElapsedTime(_start, _readingAt) * share + cpuSinceReading;
        }

        return Stopwatch.GetElapsedTime(_start, now) - (GC.GetTotalPauseDuration() - _pausesAtStart);
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
