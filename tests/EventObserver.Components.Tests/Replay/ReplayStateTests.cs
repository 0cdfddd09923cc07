using System.Text.Json.Nodes;

using Bunit;

using EventObserver.Core.Projections;
using EventObserver.Features.Replay;
using EventObserver.Features.Replay.Runs;

namespace EventObserver.Components.Tests.Replay;

public sealed class ReplayStateTests : ReplayTestContext
{
    [Fact]
    public void StateTree_Changes_HighlightsAddedAndChangedPathsOnly()
    {
        var before = JsonNode.Parse("""{"status":"placed","total":10,"lines":[1],"a/b":{"x":1}}""");
        var after = JsonNode.Parse("""{"status":"paid","total":10,"lines":[1,2],"a/b":{"x":1,"y":2},"paidAt":"t"}""");
        var changes = JsonDiff.Compare(before, after, 100);

        var tree = Context.Render<StateTree>(p => p.Add(t => t.Root, after).Add(t => t.Marks, new ChangeMarks(changes, "")));

        Assert.Equal("changed", tree.Find("[data-path='/status']").GetAttribute("data-change"));
        Assert.Contains("eo-diff-changed", tree.Find("[data-path='/status']").ClassList);
        Assert.Equal("added", tree.Find("[data-path='/lines/1']").GetAttribute("data-change"));
        Assert.Equal("added", tree.Find("[data-path='/a~1b/y']").GetAttribute("data-change"));
        Assert.Equal("added", tree.Find("[data-path='/paidAt']").GetAttribute("data-change"));
        Assert.Null(tree.Find("[data-path='/total']").GetAttribute("data-change"));
        Assert.DoesNotContain("eo-diff", tree.Find("[data-path='/lines/0']").ClassName, StringComparison.Ordinal);
        Assert.Contains("\"paid\"", tree.Find("[data-path='/status']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StateTree_HostileText_IsShownAsTextNotMarkup()
    {
        var state = new JsonObject { ["<img src=x onerror=alert(1)>"] = "<script>window.__xss=1</script>" };

        var tree = Context.Render<StateTree>(p => p.Add(t => t.Root, state));

        Assert.Empty(tree.FindAll("script"));
        Assert.Empty(tree.FindAll("img"));
        Assert.Contains("<script>window.__xss=1</script>", tree.Find("[data-testid=state-tree]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_PartitionedProjection_ShowsThatPartitionsStateWithTheStepsChangeHighlighted()
    {
        SeedOrders(2);
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);
        await ChooseAsync(page, "editor-template", ProjectionTemplates.OrderLifecycle.Title);
        await ClickAsync(page, "start-step");
        var run = Assert.Single(Manager.List());
        await SettleAsync(page, run, s => s.Status == ReplayRunStatus.Paused, _ => { });

        await ClickAsync(page, "run-step");
        await SettleAsync(page, run, s => s.Processed == 1 && s.Status == ReplayRunStatus.Paused,
            p => Assert.Contains("\"requested\"", p.Find("[data-testid=state-tree]").TextContent, StringComparison.Ordinal));
        var first = page.Find("[data-testid=state-tree]").TextContent;
        await ClickAsync(page, "run-step");
        await ClickAsync(page, "run-step");
        await SettleAsync(page, run, s => s.Processed == 3 && s.Status == ReplayRunStatus.Paused,
            p => Assert.Contains("\"placed\"", p.Find("[data-testid=state-tree]").TextContent, StringComparison.Ordinal));

        // Step 3 is ord-000's OrderPlaced (the events are interleaved by order): that partition is shown, its change marked.
        Assert.NotEqual(first, page.Find("[data-testid=state-tree]").TextContent);
        Assert.Equal("changed", page.Find("[data-path='/status']").GetAttribute("data-change"));
        Assert.Equal("added", page.Find("[data-path='/history/1']").GetAttribute("data-change"));
        Assert.Contains("/ord-000/status", page.Find("[data-testid=step-changes]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2 partitions", page.Find("[data-testid=state-partition-count]").TextContent, StringComparison.Ordinal);

        await ChooseAsync(page, "state-partition", "all partitions");
        Assert.Equal("changed", page.Find("[data-path='/ord-000/status']").GetAttribute("data-change"));
        Assert.NotNull(page.Find("[data-path='/ord-001']"));
        run.Stop();
    }

    [Fact]
    public async Task Errors_ThrowingScript_ListsEachWithLinkMessageAndStack()
    {
        SeedOrders(2);
        var page = RenderPage("replay?topic=orders.events&type=OrderPlaced");
        WaitForCount(page);
        page.Find("[data-testid=editor-script]").Change("""
            const explode = e => { throw new Error('boom at ' + e.offset); };
            ({ OrderPlaced: (s, e) => explode(e) })
            """);
        await ChooseAsync(page, "start-on-error", "report it and go on");

        await ClickAsync(page, "start-run");

        var run = Assert.Single(Manager.List());
        await SettleAsync(page, run, s => s.IsFinished, p => Assert.Equal(2, p.FindAll("[data-testid=run-error]").Count));
        var links = page.FindAll("[data-testid=run-error-link]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["events/orders.events/0/1", "events/orders.events/1/1"], links);
        Assert.Contains("boom at 1", page.Find("[data-testid=run-error-message]").TextContent, StringComparison.Ordinal);
        Assert.Contains("explode", page.Find("[data-testid=run-error-stack]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Script error", page.Find("[data-testid=run-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_EndlessLoop_StopsTheRunWithAClearMessage()
    {
        SeedOrders(1);
        var page = RenderPage("replay?topic=orders.events");
        WaitForCount(page);
        await ChangeAsync(page, "editor-script", "({ $any: (s, e) => { while (true) {} } })");

        await ClickAsync(page, "start-run");

        var run = Assert.Single(Manager.List());
        await SettleAsync(page, run, s => s.IsFinished, p => Assert.Equal("Failed", p.Find("[data-testid=run-status]").TextContent));
        Assert.Matches("took too long|too many statements", page.Find("[data-testid=run-error]").TextContent);
    }
}
