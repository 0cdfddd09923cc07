using EventObserver.Access;
using EventObserver.Configuration;
using EventObserver.Core.Projections;
using EventObserver.Core.Selection;
using EventObserver.Features.Replay.Runs;
using EventObserver.TestSupport;

namespace EventObserver.Tests.Replay;

/// <summary>A compare reads the same events on both sides, and a compare that cannot start leaves nothing behind.</summary>
public sealed class ReplayCompareBoundTests : IDisposable
{
    private const string Count = "({ $init: () => ({ total: 0 }), $any: (s, e) => { s.total++; } })";

    // Busy for 200 ms per event, so the left run is still active when the right one asks to start (10 events: 2 s).
    private const string SlowCount = "({ $init: () => ({ total: 0 }), $any: (s, e) => { const t = Date.now(); while (Date.now() - t < 200) { } s.total++; } })";

    private readonly ReplayHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Start_WithEndOffsetsCapturedBeforeTheIndexGrew_ReadsOnlyTheEventsBelowThem()
    {
        var orders = ShopOrders.Create(5);
        _harness.Index.Write(orders[..15]);
        var bound = new Dictionary<Core.Indexing.TopicPartitionKey, long>(_harness.Index.GetCheckpoints());
        var before = _harness.Index.Count(new Core.Indexing.EventRange { Selection = EventSelection.All, EndOffsets = bound });
        _harness.Index.Write(orders[15..]);

        var run = _harness.Start(new ReplayRequest { Selection = EventSelection.All, Script = Count, EndOffsets = bound });
        var done = await ReplayHarness.FinishedAsync(run);

        Assert.Equal(ReplayRunStatus.Completed, done.Status);
        Assert.Equal(before, done.Total);
        Assert.Equal(before, done.Processed);
        Assert.Equal(before, done.State!["total"]!.GetValue<long>());
        Assert.True(_harness.Index.Count(new Core.Indexing.EventRange { Selection = EventSelection.All }) > before, "the index grew after the bound was taken");
    }

    [Fact]
    public async Task CompareAsync_TwoVersions_BothSidesReadTheSameEventsAndAreTaggedAsOneCompare()
    {
        _harness.SeedOrders(4);
        var left = new ReplayRequest { Selection = EventSelection.All, Script = Count };

        var (comparison, problem) = await _harness.Manager.CompareAsync(left, left with { Script = ProjectionTemplates.CountByType.Script }, UserAccess.System, CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(comparison!.Left.Total, comparison.Right.Total);
        Assert.DoesNotContain(comparison.Changes, c => c.Path == "/total");
        var runs = _harness.Manager.List();
        Assert.Equal(2, runs.Count);
        Assert.Single(runs.Select(r => r.Compare!.CompareId).Distinct());
        Assert.Equal([false, true], runs.Select(r => r.Compare!.IsRight).Order());
    }

    [Fact]
    public async Task CompareAsync_RightSideDoesNotCompile_StartsNeitherSide()
    {
        _harness.SeedOrders(2);
        var left = new ReplayRequest { Selection = EventSelection.All, Script = Count };

        var (comparison, problem) = await _harness.Manager.CompareAsync(left, left with { Script = "({ $any: (s, e) => { " }, UserAccess.System, CancellationToken.None);

        Assert.Null(comparison);
        Assert.Equal(ReplayStartProblem.CompileError, problem!.Problem);
        Assert.NotNull(problem.CompileError);
        Assert.Empty(_harness.Manager.List());
        Assert.DoesNotContain(_harness.Audit.Entries, e => e.Action == AuditAction.ReplayRun);
    }

    [Fact]
    public async Task CompareAsync_RightSideRefusedAfterTheLeftStarted_LeavesNoHalfCompareListed()
    {
        using var harness = new ReplayHarness(new ReplayOptions { MaxActiveRuns = 1, ScriptTimeoutPerCall = ReplayHarness.GenerousScriptTimeout });
        harness.SeedOrders(2);
        var left = new ReplayRequest { Selection = EventSelection.All, Script = SlowCount };

        var (comparison, problem) = await harness.Manager.CompareAsync(left, left, UserAccess.System, CancellationToken.None);

        Assert.Null(comparison);
        Assert.Equal(ReplayStartProblem.TooManyRuns, problem!.Problem);
        Assert.Empty(harness.Manager.List());
    }
}
