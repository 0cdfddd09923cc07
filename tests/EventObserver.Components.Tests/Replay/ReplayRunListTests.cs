using Bunit;

using EventObserver.Access;
using EventObserver.Core.Projections;
using EventObserver.Core.Selection;
using EventObserver.Features.Replay;
using EventObserver.Features.Replay.Runs;
using EventObserver.Storage.Projections;

namespace EventObserver.Components.Tests.Replay;

/// <summary>The run list, publish previews, the publish log and saving (issue 18, points 10 to 12).</summary>
public sealed class ReplayRunListTests : ReplayTestContext
{
    private const string Count = "({ $init: () => ({ total: 0 }), $any: (s, e) => { s.total++; } })";

    [Fact]
    public async Task RunList_PausedAfterSteps_ShowsTheProgressTheRunsBarShows()
    {
        SeedOrders(3);
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page, 15);
        await ClickAsync(page, "start-step");
        var run = Assert.Single(Manager.List());
        await SettleAsync(page, run, s => s.Status == ReplayRunStatus.Paused, _ => { });

        await ClickAsync(page, "run-step");
        await ClickAsync(page, "run-step");

        await SettleAsync(page, run, s => s.Processed == 2 && s.Status == ReplayRunStatus.Paused, p =>
        {
            Assert.Equal("2 / 15", p.Find("[data-testid=run-processed]").TextContent);
            Assert.Equal("paused · 2/15", p.Find($"[data-testid=run-entry][data-run-id='{run.Id}'] [data-testid=run-entry-progress]").TextContent);
        });
        run.Stop();
    }

    [Fact]
    public async Task RunList_CompareRuns_AreOneEntryWithItsTwoSides()
    {
        SeedOrders(2);
        var single = Manager.Start(new ReplayRequest { Selection = new EventSelection { Topics = [Orders] }, Script = Count }, UserAccess.System).Run!;
        await FinishedAsync(single);
        var request = new ReplayRequest { Selection = new EventSelection { Topics = [Orders] }, Script = Count };
        for (var i = 0; i < 2; i++)
        {
            var (comparison, problem) = await Manager.CompareAsync(request, request with { Script = ProjectionTemplates.CountByType.Script }, UserAccess.System, CancellationToken.None);
            Assert.True(comparison is not null, problem?.Message);
        }

        var list = Context.Render<RunList>(p => p.Add(l => l.Runs, Manager.List()));

        var compares = list.FindAll("[data-testid=run-compare]");
        Assert.Equal(2, compares.Count);
        Assert.All(compares, c => Assert.Equal(["left: ", "right: "], c.QuerySelectorAll("[data-testid=run-entry] .eo-replay-run-entry-name").Select(n => n.TextContent[..(n.TextContent.IndexOf(':', StringComparison.Ordinal) + 2)])));
        Assert.Equal(5, list.FindAll("[data-testid=run-entry]").Count);
        Assert.Equal(3, list.FindAll("[data-testid=run-entries] > li").Count);
    }

    [Fact]
    public async Task RunView_DryRunPublish_IsAPreviewWithoutStepControlsOrAppliedLabels()
    {
        SeedOrders(1);
        var run = Manager.Start(new ReplayRequest
        {
            Selection = new EventSelection { Topics = [Orders] },
            Publish = new ReplayPublishRequest("orders.replayed", DryRun: true),
        }, UserAccess.System).Run!;
        await FinishedAsync(run);

        var view = Context.Render<RunView>(p => p.Add(v => v.Run, run));
        var list = Context.Render<RunList>(p => p.Add(l => l.Runs, [run]).Add(l => l.Selected, run));

        Assert.Empty(view.FindAll("[data-testid=run-resume], [data-testid=run-step], [data-testid=run-to], [data-testid=run-pause]"));
        Assert.Equal("publish preview", view.Find("[data-testid=run-kind]").TextContent);
        Assert.Equal("would publish", view.Find("[data-testid=run-last-outcome]").TextContent);
        Assert.DoesNotContain("applied", view.Find("[data-testid=run-view]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("publish preview", list.Find("[data-testid=run-entry]").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", list.Find("[data-testid=run-entry]").GetAttribute("aria-current"));
        await Context.DisposeComponentsAsync();
    }

    [Fact]
    public void PublishLog_FailedPublish_ShowsTheStatusWithItsReasonInFull()
    {
        const string reason = "3 of 10 messages were not delivered: Broker: Message size too large";
        Store.RecordPublish(new PublishRecord
        {
            ReplayId = "r1",
            TargetTopic = "orders.replayed",
            Selection = "{}",
            SourceTopics = [Orders],
            DryRun = false,
            Selected = 10,
            Status = "failed",
            Error = reason,
            StartedAt = Time.GetUtcNow(),
        });

        var log = Context.Render<PublishLog>();

        var status = log.Find("[data-testid=publish-log-status]");
        Assert.Equal("failed: " + reason, status.TextContent);
        Assert.Equal(reason, status.GetAttribute("title"));
        Assert.Contains("eo-replay-log-status", status.ClassList);
    }

    [Fact]
    public async Task Save_ScriptThatDoesNotCompile_IsDisabledWithTheErrorAndSavesNothing()
    {
        var page = RenderPage("replay");
        await page.InvokeAsync(() => page.Find("input[data-testid=editor-name]").Input("broken"));
        Assert.False(page.Find("[data-testid=editor-save]").HasAttribute("disabled"));

        await ChangeAsync(page, "editor-script", "({ $any: (s, e) => { ");

        Assert.True(page.Find("[data-testid=editor-save]").HasAttribute("disabled"));
        Assert.Contains("does not compile", page.Find("[data-testid=editor-compile-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("line 1", page.Find("[data-testid=editor-compile-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Store.List());
    }

    [Fact]
    public async Task Compare_SideThatDoesNotCompile_ShowsTheErrorInTheRunPanelInsteadOfAnOlderRun()
    {
        SeedOrders(1);
        var older = Manager.Start(new ReplayRequest { Selection = new EventSelection { Topics = [Orders] }, Script = Count }, User.Access).Run!;
        await FinishedAsync(older);
        Store.Save("counts", ProjectionTemplates.CountByType.Script, null, Time.GetUtcNow());
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);
        Assert.Equal(older.Id, page.Find("[data-testid=run-view]").GetAttribute("data-run-id"));
        await ChangeAsync(page, "editor-script", "({ $any: (s, e) => { ");
        await ChooseAsync(page, "compare-left", "counts v1");
        await ChooseAsync(page, "compare-right", "the editor");

        await ClickAsync(page, "compare-run");

        page.WaitForAssertion(() => Assert.Contains("does not compile", page.Find("[data-testid=run-failure]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=run-view]"));
        Assert.Contains("does not compile", page.Find("[data-testid=compare-problem]").TextContent, StringComparison.Ordinal);
        Assert.Equal([older.Id], Manager.List().Select(r => r.Id));
    }
}
