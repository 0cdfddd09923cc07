using System.Diagnostics;
using Jint;

namespace EventObserver.Core.Projections;

/// <summary>
/// The per-call time limit, as Jint's own timeout does it (a deadline armed at each top-level call), but with an
/// interval the sandbox can change: the guards and prelude get seconds on a cold process (first parse and JIT took
/// ~0.4 s here), every script call gets <see cref="ProjectionLimits.TimeoutPerCall"/>.
/// </summary>
internal sealed class SandboxDeadline(TimeSpan interval) : Constraint
{
    private long _deadline;

    public TimeSpan Interval { get; set; } = interval;

    /// <summary>A clock only advances: checking every few statements only bounds how late the timeout is noticed.</summary>
    public override bool IsAmortizable => true;

    public override void Check()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new TimeoutException("The script ran longer than its time limit.");
        }
    }

    public override void Reset() =>
        _deadline = Stopwatch.GetTimestamp() + (long)(Interval.TotalSeconds * Stopwatch.Frequency);
}
