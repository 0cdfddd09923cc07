using System.Runtime.CompilerServices;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Projections;

namespace EventObserver.Core.Tests.Projections;

/// <summary>
/// The run's memory budget (issue 16, finding 4): what a script keeps between events is measured and a run over its
/// budget stops, quickly, with the process's memory staying near the budget rather than growing with the events.
/// </summary>
public sealed class ProjectionMemoryBudgetTests
{
    private const long Megabyte = 1024 * 1024;
    private const long Budget = 48 * Megabyte;

    private static readonly ProjectionLimits Limits = TestEvents.Tight with { MaxRunMemoryBytes = Budget, MaxArrayLength = 1_000_000 };

    [Theory]
    [InlineData("(() => { const keep = []; return { A: (s, e) => { keep.push('x'.repeat(4 * 1024 * 1024) + e.data.n); } }; })()")]
    [InlineData("var keep = []; ({ A: (s, e) => { keep.push('y'.repeat(4 * 1024 * 1024) + e.data.n); } })")]
    [InlineData("const keep = new Map(); ({ A: (s, e) => { keep.set(e.data.n, 'z'.repeat(4 * 1024 * 1024) + e.data.n); } })")]
    [InlineData("class Box { #items = []; add(x) { this.#items.push(x); } } const box = new Box(); ({ A: (s, e) => { box.add('w'.repeat(4 * 1024 * 1024) + e.data.n); } })")]
    [InlineData("({ A: (s, e) => { const big = 'v'.repeat(4 * 1024 * 1024) + e.data.n; s.items = s.items || []; s.items.push(() => big); } })")]
    public void Apply_ScriptKeeping8MegabytesPerEvent_StopsTheRunAtItsBudget(string script)
    {
        var runner = TestEvents.Runner(script, Limits);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var processed = ApplyUntilStopped(runner, TestEvents.Many("A", 150));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var error = Assert.Single(runner.Errors);
        Assert.Equal(ProjectionErrorKind.MemoryBudget, error.Kind);
        Assert.Contains("memory budget of 48 MB", error.Message);
        Assert.True(runner.IsStopped);
        Assert.InRange(processed, 5, 10);
        Assert.True(allocated < 3 * Budget, $"allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void Apply_PartitionsEachKeepingAMegabyte_StopTheRunAtItsBudget()
    {
        var runner = TestEvents.Runner("options({ partitionBy: e => 'p' + e.data.n }); ({ A: (s, e) => { s.big = 'x'.repeat(512 * 1024) + e.data.n; } })",
            Limits with { MaxPartitions = 1000, MaxStateJsonLength = 1_000_000 });

        var processed = ApplyUntilStopped(runner, TestEvents.Many("A", 200));

        Assert.Equal(ProjectionErrorKind.MemoryBudget, Assert.Single(runner.Errors).Kind);
        Assert.InRange(processed, 40, 60);
    }

    [Fact]
    public void Apply_StateGrownThroughAScriptVariableAndLetGo_IsStillCounted()
    {
        // Each partition's state is grown by other events through a global, which then lets go of it: the growth
        // happens while no handler runs on the partition, so only its entanglement with the roots keeps it counted.
        var runner = TestEvents.Runner("""
            let g = null;
            options({ partitionBy: e => e.key });
            ({
              Hold: (s) => { s.items = []; g = s; },
              Grow: (s, e) => { g.items.push('x'.repeat(1024 * 1024) + e.data.n); },
              Drop: () => { g = null; },
            })
            """, Limits with { MaxPartitions = 1000 });
        var events = new List<EventEnvelope>();
        for (var cycle = 0; cycle < 20; cycle++)
        {
            events.Add(TestEvents.Json("Hold", "{}", key: "held-" + cycle, offset: events.Count));
            events.AddRange(Enumerable.Range(0, 4).Select(i => TestEvents.Json("Grow", $$"""{"n":{{i}}}""", key: "grower", offset: events.Count + i)));
            events.Add(TestEvents.Json("Drop", "{}", key: "grower", offset: events.Count + 4));
        }

        ApplyUntilStopped(runner, events);

        Assert.Equal(ProjectionErrorKind.MemoryBudget, Assert.Single(runner.Errors).Kind);
    }

    [Fact]
    public void Apply_BudgetOverrun_StopsEvenWhenErrorsAreSkipped()
    {
        var runner = TestEvents.Runner("var keep = []; ({ A: (s, e) => { keep.push('y'.repeat(4 * 1024 * 1024) + e.data.n); } })", Limits, ProjectionErrorMode.Skip);

        ApplyUntilStopped(runner, TestEvents.Many("A", 150));

        Assert.True(runner.IsStopped);
        Assert.Equal(ProjectionErrorKind.MemoryBudget, runner.Errors[^1].Kind);
    }

    [Fact]
    public void Apply_HandlerThatKeepsDataThenThrows_IsStillCharged()
    {
        var runner = TestEvents.Runner("var keep = []; ({ A: (s, e) => { keep.push('y'.repeat(4 * 1024 * 1024) + e.data.n); throw new Error('no'); } })", Limits, ProjectionErrorMode.Skip);

        var processed = ApplyUntilStopped(runner, TestEvents.Many("A", 150));

        Assert.Equal(ProjectionErrorKind.MemoryBudget, runner.Errors[^1].Kind);
        Assert.InRange(processed, 5, 10);
    }

    [Fact]
    public void Apply_OrderLifecycleOverManyEvents_IsUnaffectedAndMeasured()
    {
        var events = DemoOrderEvents.Orders(3000);

        var runner = TestEvents.Run(ProjectionTemplates.OrderLifecycle.Script, events);

        Assert.Empty(runner.Errors);
        Assert.Equal(events.Count, runner.Processed);
        Assert.Equal(0, runner.Failed);
        Assert.Equal(3000, runner.PartitionKeys.Count);
        Assert.Equal("completed", runner.GetPartitionState("ord-0003")!["status"]!.GetValue<string>());
        Assert.InRange(runner.RetainedBytesEstimate, 1 * Megabyte, ProjectionLimits.Default.MaxRunMemoryBytes / 8);
    }

    [Fact]
    public void Create_TopLevelScriptOverTheBudget_DoesNotCompile()
    {
        var compilation = ProjectionRunner.Create(
            "const keep = []; for (let i = 0; i < 3; i++) keep.push('x'.repeat(1024 * 1024) + i); ({ A: s => s })",
            Limits with { MaxRunMemoryBytes = 2 * Megabyte });

        Assert.False(compilation.Succeeded);
        Assert.Equal(ProjectionErrorKind.MemoryBudget, compilation.Error.Kind);
    }

    [Fact]
    public void Dispose_ReleasesTheEngineAndTheStates()
    {
        var runner = TestEvents.Runner("var keep = []; ({ A: (s, e) => { keep.push(e.data.n); s.n = e.data.n; } })");
        foreach (var envelope in TestEvents.Many("A", 10))
        {
            runner.Apply(envelope);
        }

        var engine = EngineOf(runner);

        runner.Dispose();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(engine.IsAlive);
        Assert.Equal(10, runner.Applied);
        Assert.Throws<ObjectDisposedException>(() => runner.Apply(TestEvents.Json("A", """{"n":11}""")));
        Assert.Throws<ObjectDisposedException>(() => runner.GetState());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference EngineOf(ProjectionRunner runner) => new(runner.Sandbox!.Engine);

    private static int ApplyUntilStopped(ProjectionRunner runner, IEnumerable<EventEnvelope> events)
    {
        var processed = 0;
        foreach (var envelope in events)
        {
            runner.Apply(envelope);
            processed++;
            if (runner.IsStopped)
            {
                break;
            }
        }

        return processed;
    }
}
