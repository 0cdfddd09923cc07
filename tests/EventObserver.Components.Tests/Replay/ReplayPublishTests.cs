using Bunit;

using EventObserver.Access;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Configuration;
using EventObserver.Features.Replay;
using EventObserver.Core.Access;
using EventObserver.Core.Selection;
using EventObserver.Features.Replay.Runs;

using Microsoft.AspNetCore.Components.Web;

namespace EventObserver.Components.Tests.Replay;

public sealed class ReplayPublishTests : ReplayTestContext
{
    [Fact]
    public async Task Publish_ByDefault_IsRefusedWithTheGuardsReasonAndNothingStarts()
    {
        SeedOrders(1);
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);
        Assert.NotNull(page.Find("[data-testid=publish-disabled]"));
        await page.InvokeAsync(() => page.Find("[data-testid=publish-target]").Input("orders.replayed"));
        await ChangeAsync(page, "publish-dry-run", false);

        await ClickAsync(page, "publish-start");

        Assert.Contains("Re-publishing is disabled", page.Find("[data-testid=publish-refused]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Manager.List());
        Assert.Empty(Store.ListPublishes());
    }

    [Fact]
    public async Task DryRun_ByDefault_ListsWhatWouldBeSentSaysItWouldBeRefusedAndIsLogged()
    {
        SeedOrders(2);
        var page = RenderPage("replay?topic=orders.events&type=OrderPlaced");
        WaitForCount(page);
        await page.InvokeAsync(() => page.Find("[data-testid=publish-target]").Input("orders.replayed"));

        await ClickAsync(page, "publish-start");

        var run = Assert.Single(Manager.List());
        await SettleAsync(page, run, s => s.IsFinished, p =>
        {
            Assert.Equal(2, p.FindAll("[data-testid=publish-preview]").Count);
            Assert.Single(p.FindAll("[data-testid=publish-log-row]"));
        });
        Assert.Equal(ReplayRunStatus.Completed, run.Snapshot.Status);
        Assert.Contains("x-replay-of", page.Find("[data-testid=publish-preview]").TextContent, StringComparison.Ordinal);
        Assert.Contains("disabled", page.Find("[data-testid=publish-would-refuse]").TextContent, StringComparison.Ordinal);
        Assert.Contains("dry run", page.Find("[data-testid=publish-log-row]").TextContent, StringComparison.Ordinal);
    }
}

public sealed class ReplayPublishAllowedTests() : ReplayTestContext(new ReplayOptions { AllowPublish = true, AllowedTargets = ["^replay\\.", "^orders\\.events$"] })
{
    [Fact]
    public async Task Publish_TargetNotAllowed_ShowsWhich()
    {
        SeedOrders(1);
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);
        Assert.Contains("^replay\\.", page.Find("[data-testid=publish-allowed-targets]").TextContent, StringComparison.Ordinal);
        await page.InvokeAsync(() => page.Find("[data-testid=publish-target]").Input("orders.replayed"));
        await ChangeAsync(page, "publish-dry-run", false);

        await ClickAsync(page, "publish-start");

        Assert.Contains("matches none of", page.Find("[data-testid=publish-refused]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_IntoTheSourceTopic_NeedsTheConfirmation()
    {
        // The source topic is on the allow-list, so only the same-topic guard can refuse it.
        SeedOrders(1);
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);
        await page.InvokeAsync(() => page.Find("[data-testid=publish-target]").Input("orders.events"));
        await ChangeAsync(page, "publish-dry-run", false);

        await ClickAsync(page, "publish-start");
        var refused = page.Find("[data-testid=publish-refused]").TextContent;
        var startedUnconfirmed = Manager.List().Count;
        await ChangeAsync(page, "publish-confirm-same", true);
        await ClickAsync(page, "publish-start");

        Assert.Contains("comes from 'orders.events' itself", refused, StringComparison.Ordinal);
        Assert.Equal(0, startedUnconfirmed);
        var run = Assert.Single(Manager.List());
        Assert.Empty(page.FindAll("[data-testid=publish-refused]"));
        run.Stop();
    }

    [Fact]
    public async Task PausedPublish_OperatorPressesRun_IsRefusedAndTheRunStaysPaused()
    {
        // A Publisher started a real publish paused; an Operator (who may not publish) must not set it going. The run
        // here is a dry run (no producer, no broker) shown with a real publish's snapshot: the controls decide on what
        // they show, as the API decides on the run's snapshot.
        SeedOrders(1);
        var run = Manager.Start(new ReplayRequest
        {
            Selection = new EventSelection { Topics = [Orders] },
            Publish = new ReplayPublishRequest("replay.orders", DryRun: true),
            StartPaused = true,
        }, UserAccess.System).Run!;
        // Built here: the run's own first snapshot may not carry its publish progress yet.
        var realPublish = run.Snapshot with
        {
            Publish = new ReplayPublishProgress("replay.orders", DryRun: false, RatePerSec: null, Queued: 0, Delivered: 0, Failed: 0,
                FirstError: null, Previews: [], WouldBeRefused: null),
        };
        CurrentUser.Access = new UserAccess("otto", isAuthenticated: true, [AccessRoles.Operator], AllTopics.Instance, seesRawValues: false);
        var controls = Context.Render<RunControls>(p => p.Add(c => c.Run, run).Add(c => c.Snapshot, realPublish));

        await controls.InvokeAsync(() => controls.Find("[data-testid=run-resume]").ClickAsync(new MouseEventArgs()));
        await controls.InvokeAsync(() => controls.Find("[data-testid=run-step]").ClickAsync(new MouseEventArgs()));

        Assert.Contains("Publisher role", controls.Find("[data-testid=run-control-refused]").TextContent, StringComparison.Ordinal);
        Assert.Equal(ReplayRunStatus.Paused, run.Snapshot.Status);
        Assert.Equal(0, run.Snapshot.Processed);
        run.Stop();
        await run.Completion;
    }
}

public sealed class ReplayPublishRoleTests() : ReplayTestContext(new ReplayOptions { AllowPublish = true, AllowedTargets = ["^replay\\."] })
{
    [Fact]
    public async Task Publish_AsOperatorWithoutPublisher_IsRefusedNamingTheRoleAndNothingStarts()
    {
        CurrentUser.Access = TestCurrentUser.SignedIn("oscar", EventObserver.Access.AccessRoles.Operator);
        SeedOrders(1);
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);
        await page.InvokeAsync(() => page.Find("[data-testid=publish-target]").Input("replay.orders"));
        await ChangeAsync(page, "publish-dry-run", false);

        await ClickAsync(page, "publish-start");

        Assert.Contains("Publisher role", page.Find("[data-testid=publish-refused]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Manager.List());
    }
}
