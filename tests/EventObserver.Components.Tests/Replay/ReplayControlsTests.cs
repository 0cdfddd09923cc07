using Bunit;

using EventObserver.Access;
using EventObserver.Core.Projections;
using EventObserver.Core.Selection;
using EventObserver.Features.Replay;
using EventObserver.Features.Replay.Runs;

namespace EventObserver.Components.Tests.Replay;

public sealed class ReplayControlsTests : ReplayTestContext
{
    [Fact]
    public async Task StepThrough_StepRunToAndResume_DriveTheRunOnTheServer()
    {
        SeedOrders(3);
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page, 15);
        await ChooseAsync(page, "editor-template", ProjectionTemplates.OrderLifecycle.Title);

        await ClickAsync(page, "start-step");

        var run = Assert.Single(Manager.List());
        Assert.Equal(ProjectionTemplates.OrderLifecycle.Script, run.Script);
        Assert.Equal(["orders.events"], run.Selection.Topics);
        await SettleAsync(page, run, s => s.Status == ReplayRunStatus.Paused,
            p => Assert.Equal("Paused", p.Find("[data-testid=run-status]").TextContent));

        await ClickAsync(page, "run-step");
        await SettleAsync(page, run, s => s.Processed == 1 && s.Status == ReplayRunStatus.Paused,
            p => Assert.StartsWith("1 / 15", p.Find("[data-testid=run-processed]").TextContent, StringComparison.Ordinal));

        await TypeAsync(page, "run-to-type", "PaymentCharged");
        await ClickAsync(page, "run-to");
        var atPayment = await SettleAsync(page, run, s => s.Status == ReplayRunStatus.Paused && s.LastEvent?.Type == "PaymentCharged",
            p => Assert.Contains("PaymentCharged", p.Find("[data-testid=run-last-event]").TextContent, StringComparison.Ordinal));
        Assert.Equal(10, atPayment.Processed);

        await ClickAsync(page, "run-resume");
        await SettleAsync(page, run, s => s.Status == ReplayRunStatus.Completed, p =>
        {
            Assert.Equal("Completed", p.Find("[data-testid=run-status]").TextContent);
            Assert.Equal("100", p.Find("[data-testid=run-progress]").GetAttribute("data-percent"));
        });
        Assert.True(page.Find("[data-testid=run-stop]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Stop_PausedRun_StopsItAndRefusesFurtherSteps()
    {
        SeedOrders(2);
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);
        await ClickAsync(page, "start-step");
        var run = Assert.Single(Manager.List());
        await SettleAsync(page, run, s => s.Status == ReplayRunStatus.Paused, _ => { });

        await ClickAsync(page, "run-stop");

        await SettleAsync(page, run, s => s.Status == ReplayRunStatus.Stopped,
            p => Assert.Equal("Stopped", p.Find("[data-testid=run-status]").TextContent));
        Assert.False(run.Step().Accepted);
    }

    [Fact]
    public async Task Pause_RunningRun_PausesItBeforeTheEnd()
    {
        SeedOrders(20);
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page, 100);
        // Every event runs into the sandbox's statement or time limit and is skipped: the run lasts seconds.
        await ChangeAsync(page, "editor-script", "({ $any: (s, e) => { while (true) {} } })");
        await ChooseAsync(page, "start-on-error", "report it and go on");

        await ClickAsync(page, "start-run");

        var run = Assert.Single(Manager.List());
        await SettleAsync(page, run, s => s.Status == ReplayRunStatus.Running, p => p.Find("[data-testid=run-pause]").Click());
        var paused = await run.WaitForAsync(s => s.Status == ReplayRunStatus.Paused, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(paused.Processed < paused.Total, $"paused at {paused.Processed} of {paused.Total}");
        run.Stop();
    }

    [Fact]
    public async Task Reopen_PageRenderedAgain_ShowsTheRunStillOnTheServer()
    {
        SeedOrders(2);
        var first = RenderPage("replay?topic=orders.events");
        WaitForCount(first);
        await ClickAsync(first, "start-step");
        var run = Assert.Single(Manager.List());
        await SettleAsync(first, run, s => s.Status == ReplayRunStatus.Paused, _ => { });
        first.Instance.Dispose();

        var again = Context.Render<ReplayPage>();

        Assert.Equal(run.Id, again.Find("[data-testid=run-view]").GetAttribute("data-run-id"));
        Assert.Equal("Paused", again.Find("[data-testid=run-status]").TextContent);
        Assert.Equal("true", again.Find($"[data-testid=run-entry][data-run-id='{run.Id}']").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Start_FromThePage_RecordsThePagesUserSelectionAndScriptHash()
    {
        SeedOrders(2);
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);

        await ClickAsync(page, "start-step");

        var run = Assert.Single(Manager.List());
        var entry = Assert.Single(Audit.Entries);
        Assert.Equal((AuditAction.ReplayRun, "olga", run.Id), (entry.Action, entry.Actor, entry.Target));
        Assert.StartsWith($"selection ?topic=orders.events; script sha256 {ReplayAudit.ScriptHash(run.Script!)}", entry.Detail, StringComparison.Ordinal);
        run.Stop();
    }

    [Fact]
    public async Task CompileError_Start_ShowsWhyAndStartsNothing()
    {
        SeedOrders(1);
        var page = RenderPage("replay");
        WaitForCount(page);
        await ChangeAsync(page, "editor-script", "({ $any: (s, e) => { ");

        await ClickAsync(page, "start-run");

        Assert.Contains("does not compile", page.Find("[data-testid=start-problem]").TextContent, StringComparison.Ordinal);
        Assert.Contains("does not compile", page.Find("[data-testid=run-failure]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Manager.List());
    }

    [Fact]
    public async Task RunView_SwitchedAndDisposed_UnsubscribesFromTheRunsNotifications()
    {
        SeedOrders(1);
        var first = Manager.Start(new ReplayRequest { Selection = new EventSelection { Topics = [Orders] }, Script = "({ $any: (s, e) => s })", StartPaused = true }, UserAccess.System).Run!;
        var second = Manager.Start(new ReplayRequest { Selection = new EventSelection { Topics = [Orders] }, Script = "({ $any: (s, e) => s })", StartPaused = true }, UserAccess.System).Run!;
        var view = Context.Render<RunView>(p => p.Add(v => v.Run, first));
        Assert.Equal(1, Subscribers(first));

        view.Render(p => p.Add(v => v.Run, second));
        Assert.Equal(0, Subscribers(first));
        Assert.Equal(1, Subscribers(second));

        await Context.DisposeComponentsAsync();
        Assert.Equal(0, Subscribers(second));
        first.Stop();
        second.Stop();
    }

    [Fact]
    public async Task RunViewAndList_HugeLabelAndSelection_AreClipped()
    {
        SeedOrders(1);
        var run = Manager.Start(new ReplayRequest
        {
            Selection = new EventSelection { Topics = [Orders], Key = new string('k', 1_000_000) },
            Script = "({ $any: (s, e) => s })",
            StartPaused = true,
            Label = new string('L', 1_000_000),
        }, UserAccess.System).Run!;

        var view = Context.Render<RunView>(p => p.Add(v => v.Run, run));
        var list = Context.Render<RunList>(p => p.Add(l => l.Runs, [run]).Add(l => l.Selected, run));

        Assert.Contains(new string('L', 100) + "…", view.Markup, StringComparison.Ordinal);
        Assert.InRange(view.Markup.Length, 1, 20_000);
        Assert.InRange(list.Markup.Length, 1, 5_000);
        run.Stop();
        await Context.DisposeComponentsAsync();
    }

    private static int Subscribers(ReplayRun run) =>
        (typeof(ReplayRun).GetField(nameof(ReplayRun.Changed), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(run) as Delegate)?.GetInvocationList().Length ?? 0;
}
