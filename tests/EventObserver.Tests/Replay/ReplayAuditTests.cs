using EventObserver.Access;
using EventObserver.Core.Selection;
using EventObserver.Features.Audit;
using EventObserver.Features.Replay.Runs;

namespace EventObserver.Tests.Replay;

/// <summary>The run manager records every start (and a refused publish) with the request's actor: pages and the API alike.</summary>
public sealed class ReplayAuditTests
{
    private const string Script = "({ $init: () => ({ n: 0 }), $any: (s, e) => { s.n++; } })";

    private static readonly AuditActor Olga = new("olga", "10.1.2.3");

    [Fact]
    public async Task Start_Projection_RecordsActorRunSelectionQueryAndScriptHash()
    {
        using var harness = new ReplayHarness();
        harness.SeedOrders(2);

        var run = harness.Start(new ReplayRequest
        {
            Selection = new EventSelection { Topics = [ReplayHarness.Orders], Type = "OrderPlaced" },
            Script = Script,
            Label = "counts v1",
            Actor = Olga,
        });
        await ReplayHarness.FinishedAsync(run);

        var entry = Assert.Single(harness.Audit.Entries);
        Assert.Equal(AuditAction.ReplayRun, entry.Action);
        Assert.Equal(("olga", "10.1.2.3", run.Id, true), (entry.Actor, entry.RemoteAddress, entry.Target, entry.Succeeded));
        Assert.Equal(
            $"selection ?topic={ReplayHarness.Orders}&type=OrderPlaced; script sha256 {ReplayAudit.ScriptHash(Script)}; {run.Total} events; label counts v1",
            entry.Detail);
    }

    [Fact]
    public async Task Start_DryRun_RecordsTheTargetTopicAndTheCount()
    {
        using var harness = new ReplayHarness();
        harness.SeedOrders(2);

        var run = harness.Start(new ReplayRequest
        {
            Selection = new EventSelection { Type = "OrderShipped" },
            Publish = new ReplayPublishRequest("replay.orders", DryRun: true),
            Actor = Olga,
        });
        await ReplayHarness.FinishedAsync(run);

        var entry = Assert.Single(harness.Audit.Entries);
        Assert.Equal((AuditAction.DryRun, "replay.orders", true), (entry.Action, entry.Target, entry.Succeeded));
        Assert.Equal($"run {run.Id}; 2 events; selection ?type=OrderShipped", entry.Detail);
    }

    [Fact]
    public void Start_PublishRefused_RecordsTheRefusalAsNotSucceeded()
    {
        using var harness = new ReplayHarness();
        harness.SeedOrders(1);

        var result = harness.Manager.Start(new ReplayRequest { Publish = new ReplayPublishRequest("replay.orders"), Actor = Olga }, UserAccess.System);

        var entry = Assert.Single(harness.Audit.Entries);
        Assert.Null(result.Run);
        Assert.Equal((AuditAction.Publish, "replay.orders", false, "olga"), (entry.Action, entry.Target, entry.Succeeded, entry.Actor));
        Assert.StartsWith("refused: ", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("AllowPublish", entry.Detail, StringComparison.Ordinal);
        Assert.EndsWith("selection (every event)", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_CompileError_RecordsNothing()
    {
        using var harness = new ReplayHarness();

        var result = harness.Manager.Start(new ReplayRequest { Script = "({ $any: (s, e) => { ", Actor = Olga }, UserAccess.System);

        Assert.Equal(ReplayStartProblem.CompileError, result.Problem);
        Assert.Empty(harness.Audit.Entries);
    }
}
