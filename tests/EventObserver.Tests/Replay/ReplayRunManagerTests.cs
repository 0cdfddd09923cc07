using System.Text.Json.Nodes;

using EventObserver.Access;
using EventObserver.Core.Projections;
using EventObserver.Core.Selection;
using EventObserver.Features.Replay.Runs;

namespace EventObserver.Tests.Replay;

public sealed class ReplayRunManagerTests : IDisposable
{
    private const string Offsets = "({ $init: () => ({ seen: [] }), $any: (s, e) => { s.seen.push(e.topic + '/' + e.partition + '/' + e.offset); } })";

    /// <summary>
    /// Well under a millisecond per event (far from the 250 ms call budget, CI measured ~5,000 events/s with 1,000
    /// rounds): 10,000 events keep a run going for seconds, long enough to act on it while it runs.
    /// </summary>
    private const string SlowCount = "({ $any: (s, e) => { let x = 0; for (let i = 0; i < 3000; i++) { x += i; } s.n = (s.n || 0) + 1; } })";

    private readonly ReplayHarness _harness = new();

    [Fact]
    public async Task Run_OrderLifecycle_ProcessesEveryEventAndCompletes()
    {
        _harness.SeedOrders(10);

        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection { Topics = [ReplayHarness.Orders] }, Script = ProjectionTemplates.OrderLifecycle.Script });
        var done = await ReplayHarness.FinishedAsync(run);

        Assert.Equal(ReplayRunStatus.Completed, done.Status);
        Assert.Equal(50, done.Total);
        Assert.Equal(50, done.Processed);
        Assert.Equal(100, done.Percent);
        Assert.Equal(10, done.PartitionCount);
        Assert.Equal("shipped", done.State!["ord-003"]!["status"]!.GetValue<string>());
        Assert.Equal(5, done.State!["ord-003"]!["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task Run_SameSelectionTwice_GivesTheSameState()
    {
        _harness.SeedOrders(20);
        var request = new ReplayRequest { Selection = new EventSelection { Topics = [ReplayHarness.Orders] }, Script = ProjectionTemplates.OrderLifecycle.Script };

        var first = await ReplayHarness.FinishedAsync(_harness.Start(request));
        var second = await ReplayHarness.FinishedAsync(_harness.Start(request));

        // Two failed runs would hold equal (empty) states: only completed runs make the comparison mean anything.
        Assert.Equal(ReplayRunStatus.Completed, first.Status);
        Assert.Equal(ReplayRunStatus.Completed, second.Status);
        Assert.Equal(100, first.Processed);
        Assert.Equal(20, first.State!.AsObject().Count);
        Assert.True(JsonNode.DeepEquals(first.State, second.State));
    }

    [Fact]
    public async Task Run_ReadsEachPartitionInOffsetOrder_OldestFirst()
    {
        var seeded = _harness.SeedOrders(4);

        var done = await ReplayHarness.FinishedAsync(_harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = Offsets }));

        var expected = seeded.OrderBy(e => e.TimestampMs).Select(e => e.Id);
        Assert.Equal(expected, done.State!["seen"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Run_WithLimit_ReplaysTheNewestEventsOldestFirst()
    {
        var seeded = _harness.SeedOrders(4);

        var done = await ReplayHarness.FinishedAsync(_harness.Start(new ReplayRequest { Selection = new EventSelection { Limit = 3 }, Script = Offsets }));

        Assert.Equal(seeded.TakeLast(3).Select(e => e.Id), done.State!["seen"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(3, done.Total);
    }

    [Fact]
    public async Task Run_PartitionOffsetRange_ReadsOnlyThoseOffsets()
    {
        _harness.SeedOrders(4);
        var selection = new EventSelection { Topics = [ReplayHarness.Orders], Ranges = [new PartitionRange(ReplayHarness.Orders, 1, 2, 4)] };

        var done = await ReplayHarness.FinishedAsync(_harness.Start(new ReplayRequest { Selection = selection, Script = Offsets }));

        Assert.Equal(["orders.events/1/2", "orders.events/1/3", "orders.events/1/4"], done.State!["seen"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task StartPaused_Step_AppliesOneEventAtATime_WithTheChange()
    {
        _harness.SeedOrders(2);
        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.CountByType.Script, StartPaused = true });
        var paused = await ReplayHarness.WaitAsync(run, s => s.Status == ReplayRunStatus.Paused && s.State is not null);

        Assert.True(run.Step().Accepted);
        var one = await ReplayHarness.WaitAsync(run, s => s.Processed == 1 && s.Status == ReplayRunStatus.Paused);
        Assert.True(run.Step().Accepted);
        var two = await ReplayHarness.WaitAsync(run, s => s.Processed == 2 && s.Status == ReplayRunStatus.Paused);

        Assert.Equal(0, paused.Processed);
        Assert.Equal(1, one.State!["total"]!.GetValue<int>());
        Assert.Contains(one.Changes, c => c.Path == "/byType/PlaceOrder" && c.Change == Core.Projections.JsonChangeKind.Added);
        Assert.Contains(two.Changes, c => c.Path == "/total" && c.Before!.GetValue<int>() == 1 && c.After!.GetValue<int>() == 2);
        Assert.Equal("orders.events/0/0", one.LastEvent!.Position.ToString());
    }

    [Fact]
    public async Task Step_AfterTheRunCompleted_IsRefused()
    {
        _harness.SeedOrders(2);
        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.CountByType.Script, StartPaused = true });
        run.Resume();
        await ReplayHarness.FinishedAsync(run);

        var refused = run.Step();

        Assert.False(refused.Accepted);
        Assert.Contains("completed", refused.Reason);
    }

    [Fact]
    public async Task Step_WhileRunning_IsRefused_AndTheRunKeepsRunning()
    {
        _harness.SeedOrders(2_000);
        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = SlowCount });
        await ReplayHarness.WaitAsync(run, s => s.Processed >= 1);

        var refused = run.Step();
        var later = await ReplayHarness.WaitAsync(run, s => s.Processed >= 2);
        run.Stop();
        await ReplayHarness.FinishedAsync(run);

        Assert.False(refused.Accepted);
        Assert.Contains("running", refused.Reason);
        Assert.Equal(ReplayRunStatus.Running, later.Status);
    }

    [Fact]
    public async Task RunTo_Type_PausesRightAfterTheNextEventOfThatType()
    {
        _harness.SeedOrders(3);
        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.CountByType.Script, StartPaused = true });

        Assert.True(run.RunTo("StockReserved").Accepted);
        var atType = await ReplayHarness.WaitAsync(run, s => s.Status == ReplayRunStatus.Paused && s.LastEvent is not null);

        Assert.Equal("StockReserved", atType.LastEvent!.Type);
        Assert.Equal(7, atType.Processed);
        Assert.Equal(1, atType.State!["byType"]!["StockReserved"]!.GetValue<int>());
    }

    [Fact]
    public async Task Pause_ARunningRun_HoldsItUntilResumed()
    {
        _harness.SeedOrders(400);
        const string slow = "({ $any: (s, e) => { let x = 0; for (let i = 0; i < 1000; i++) { x += i; } s.n = (s.n || 0) + 1; } })";
        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = slow });

        Assert.True(run.Pause().Accepted);
        var paused = await ReplayHarness.WaitAsync(run, s => s.Status == ReplayRunStatus.Paused);
        run.Step();
        var stepped = await ReplayHarness.WaitAsync(run, s => s.Processed == paused.Processed + 1);
        run.Resume();
        var done = await ReplayHarness.FinishedAsync(run);

        Assert.True(paused.Processed < 2000);
        Assert.Equal(ReplayRunStatus.Paused, stepped.Status);
        Assert.Equal(ReplayRunStatus.Completed, done.Status);
        Assert.Equal(2000, done.State!["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task RunTo_WhileRunningFreely_PausesRightAfterThatType_ThenResumesToTheEnd()
    {
        _harness.SeedOrders(400);
        const string slow = "({ $any: (s, e) => { let x = 0; for (let i = 0; i < 1000; i++) { x += i; } s.n = (s.n || 0) + 1; } })";
        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = slow });

        Assert.True(run.RunTo("OrderShipped").Accepted);
        var atType = await ReplayHarness.WaitAsync(run, s => s.Status == ReplayRunStatus.Paused);
        run.Resume();
        var done = await ReplayHarness.FinishedAsync(run);

        Assert.Equal("OrderShipped", atType.LastEvent!.Type);
        Assert.Equal(atType.Processed, atType.State!["n"]!.GetValue<int>());
        Assert.True(atType.Processed < 2000);
        Assert.Equal(ReplayRunStatus.Completed, done.Status);
        Assert.Equal(2000, done.State!["n"]!.GetValue<int>());
        Assert.Equal("OrderShipped", done.LastEvent!.Type);
    }

    [Fact]
    public async Task Stop_EndsTheRun_AndLaterControlsAreRefused()
    {
        _harness.SeedOrders(2);
        var run = _harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.CountByType.Script, StartPaused = true });

        Assert.True(run.Stop().Accepted);
        var stopped = await ReplayHarness.FinishedAsync(run);

        Assert.Equal(ReplayRunStatus.Stopped, stopped.Status);
        Assert.Equal(0, stopped.Processed);
        Assert.False(run.Resume().Accepted);
    }

    [Theory]
    [InlineData(ProjectionErrorMode.Stop, ReplayRunStatus.Failed, 3, 1)]
    [InlineData(ProjectionErrorMode.Skip, ReplayRunStatus.Completed, 10, 2)]
    public async Task ThrowingEvents_StopOrSkipPerSetting_WithTheirPosition(ProjectionErrorMode mode, ReplayRunStatus expected, int processed, int errors)
    {
        _harness.SeedOrders(2);
        const string script = "({ OrderPlaced: (s, e) => { throw new Error('bad ' + e.key); }, $any: (s, e) => { s.n = (s.n || 0) + 1; } })";

        var done = await ReplayHarness.FinishedAsync(_harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = script, OnError = mode }));

        Assert.Equal(expected, done.Status);
        Assert.Equal(processed, done.Processed);
        Assert.Equal(errors, done.Errors.Count);
        Assert.Equal("bad ord-000", done.Errors[0].Message.Replace("Error: ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("orders.events/0/1", done.Errors[0].Position.ToString());
    }

    [Fact]
    public void Start_ScriptThatDoesNotCompile_IsRefusedWithTheMessage()
    {
        var result = _harness.Manager.Start(new ReplayRequest { Script = "({ $any: (s, e) => { " }, UserAccess.System);

        Assert.Null(result.Run);
        Assert.Equal(ReplayStartProblem.CompileError, result.Problem);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Fact]
    public async Task CompareAsync_TwoVersions_DiffTheirFinalStates()
    {
        _harness.SeedOrders(3);
        var v1 = new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.CountByType.Script };
        var v2 = v1 with { Script = "({ $init: () => ({ total: 0 }), $any: (s, e) => { s.total += 2; } })" };

        var (comparison, problem) = await _harness.Manager.CompareAsync(v1, v2, UserAccess.System, CancellationToken.None);

        Assert.Null(problem);
        Assert.Contains(comparison!.Changes, c => c.Path == "/total" && c.Before!.GetValue<int>() == 15 && c.After!.GetValue<int>() == 30);
        Assert.Contains(comparison.Changes, c => c.Path == "/byType" && c.Change == Core.Projections.JsonChangeKind.Removed);
    }

    [Fact]
    public async Task Runs_BeyondTheKeptCount_DropTheOldestFinished()
    {
        using var harness = new ReplayHarness(new Configuration.ReplayOptions { MaxKeptRuns = 2 });
        harness.SeedOrders(1);
        var request = new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.CountByType.Script };
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var run = harness.Start(request);
            ids.Add(run.Id);
            await ReplayHarness.FinishedAsync(run);
        }

        Assert.Equal([ids[3], ids[2]], harness.Manager.List().Select(r => r.Id));
        Assert.Null(harness.Manager.Get(ids[0]));
    }

    [Fact]
    public async Task Run_ScriptKeepingMemoryInAClosure_FailsAtItsMemoryBudget_AndReleasesItsEngine()
    {
        using var harness = new ReplayHarness(new Configuration.ReplayOptions { MaxRunMemoryMb = 32 });
        harness.SeedOrders(20);
        const string hostile = "(() => { const keep = []; return { $any: (s, e) => { keep.push('x'.repeat(4 * 1024 * 1024) + e.offset); } }; })()";

        var run = harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = hostile });
        var done = await ReplayHarness.FinishedAsync(run);

        Assert.Equal(ReplayRunStatus.Failed, done.Status);
        var error = Assert.Single(done.Errors);
        Assert.Equal(ProjectionErrorKind.MemoryBudget, error.Kind);
        Assert.Contains("memory budget of 32 MB", error.Message);
        Assert.True(done.Processed < 10, $"{done.Processed} events");
        var runner = ((ProjectionWork)run.Work).Runner;
        Assert.Equal(0, runner.RetainedBytesEstimate);
        Assert.Throws<ObjectDisposedException>(() => runner.GetState());
    }

    [Fact]
    public async Task Run_Finished_KeepsItsWholeFinalStateWhenTheSnapshotShowsPart()
    {
        using var harness = new ReplayHarness(new Configuration.ReplayOptions { MaxSnapshotPartitions = 3 });
        harness.SeedOrders(10);

        var run = harness.Start(new ReplayRequest { Selection = new EventSelection(), Script = ProjectionTemplates.OrderLifecycle.Script });
        var done = await ReplayHarness.FinishedAsync(run);

        Assert.True(done.StateTruncated);
        Assert.True(run.HasCompleteState);
        Assert.Equal(10, run.GetState()!.AsObject().Count);
        Assert.Equal("shipped", run.GetState("ord-000")!["status"]!.GetValue<string>());
        Assert.Throws<ObjectDisposedException>(() => ((ProjectionWork)run.Work).Runner.GetState());
    }

    public void Dispose() => _harness.Dispose();
}
