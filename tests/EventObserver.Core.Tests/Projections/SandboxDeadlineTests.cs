using System.Diagnostics;
using EventObserver.Core.Projections;

namespace EventObserver.Core.Tests.Projections;

/// <summary>
/// The per-call limit counts the script's own running time: a call whose thread is kept off the CPU (a GC pause, a busy
/// machine; here a sleep stands for both) is not stopped for it, a call that computes is, and the hard wall limit holds.
/// </summary>
public sealed class SandboxDeadlineTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(40);

    [Fact]
    public void Check_ThreadOffCpuPastInterval_DoesNotThrowWhereCpuTimeIsKnown()
    {
        var deadline = new SandboxDeadline(Interval);
        deadline.Reset();

        Thread.Sleep(Interval / 2 + TimeSpan.FromMilliseconds(5));
        deadline.Check();
        Thread.Sleep(Interval * 3);
        var error = Record.Exception(deadline.Check);

        AssertOffCpuTimeNotCounted(error);
    }

    [Fact]
    public void Check_FirstCheckAfterWholeIntervalOffCpu_DoesNotThrowWhereCpuTimeIsKnown()
    {
        // A GC pause that spans the whole interval: the call's next statement must not be taken for a slow script.
        var deadline = new SandboxDeadline(Interval);
        deadline.Reset();

        Thread.Sleep(Interval * 2);
        var error = Record.Exception(deadline.Check);

        AssertOffCpuTimeNotCounted(error);
    }

    [Fact]
    public void Check_ComputingAfterWholeIntervalOffCpu_ThrowsTimeout()
    {
        var deadline = new SandboxDeadline(Interval);
        var clock = Stopwatch.StartNew();
        deadline.Reset();
        Thread.Sleep(Interval * 2);

        var error = Record.Exception(() => ComputeUntilStopped(deadline, clock));

        Assert.IsType<TimeoutException>(error);
    }

    [Fact]
    public void Check_ComputingPastInterval_ThrowsTimeout()
    {
        var deadline = new SandboxDeadline(Interval);
        var clock = Stopwatch.StartNew();
        deadline.Reset();

        var error = Record.Exception(() => ComputeUntilStopped(deadline, clock));

        Assert.IsType<TimeoutException>(error);
        Assert.True(clock.Elapsed >= Interval, $"stopped after {clock.Elapsed.TotalMilliseconds} ms, before its interval");
    }

    [Fact]
    public void Check_OffCpuPastHardLimit_ThrowsTimeout()
    {
        var deadline = new SandboxDeadline(TimeSpan.FromMilliseconds(10));
        deadline.Reset();

        Thread.Sleep(TimeSpan.FromMilliseconds(6));
        deadline.Check();
        Thread.Sleep(TimeSpan.FromMilliseconds(10 * SandboxDeadline.HardLimitFactor + 20));

        Assert.Throws<TimeoutException>(deadline.Check);
    }

    [Fact]
    public void Reset_AfterLongCall_ArmsFreshInterval()
    {
        var deadline = new SandboxDeadline(Interval);
        deadline.Reset();
        Thread.Sleep(Interval * 2);

        deadline.Reset();
        var error = Record.Exception(deadline.Check);

        Assert.Null(error);
    }

    /// <summary>Statements of a busy script: checks until the deadline stops it (or the hard limit has long passed).</summary>
    private static void ComputeUntilStopped(SandboxDeadline deadline, Stopwatch clock)
    {
        while (clock.Elapsed < Interval * SandboxDeadline.HardLimitFactor)
        {
            deadline.Check();
        }
    }

    /// <summary>Time off the CPU is not the script's; without a thread CPU clock the limit is wall time less GC pauses, and a sleep is neither.</summary>
    private static void AssertOffCpuTimeNotCounted(Exception? error)
    {
        if (ThreadCpuClock.TryRead(out _))
        {
            Assert.Null(error);
        }
        else
        {
            Assert.IsType<TimeoutException>(error);
        }
    }
}
