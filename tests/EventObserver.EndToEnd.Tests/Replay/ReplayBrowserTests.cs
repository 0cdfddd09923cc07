using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.EndToEnd.Tests.Infrastructure;
using EventObserver.TestSupport;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Replay;

public sealed class ReplayBrowserTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    private IPage Page => fixture.Page;

    [ChromiumFact]
    public async Task Replay_DemoCorrelation_StepThreeEventsThenRunToTheEnd_HostileScriptStoppedPageKeepsWorking()
    {
        var correlationId = await BrowserPages.FindCorrelationIdAsync(fixture.App, 4);
        await ReplayPage.OpenAsync(Page, "/replay?correlation=" + Uri.EscapeDataString(correlationId));
        await Assertions.Expect(Page.GetByTestId("selection-correlation")).ToHaveValueAsync(correlationId);
        await ReplayPage.WaitForAsync(async () => await ReplayPage.SelectedCountAsync(Page) >= 4, "the selection count of the conversation");

        await ReplayPage.ChooseAsync(Page, "editor-template", "Order lifecycle");
        await ReplayPage.WaitForAsync(async () => (await ReplayPage.ScriptAsync(Page)).Contains("OrderPlaced", StringComparison.Ordinal), "the template in the editor");
        await Page.GetByTestId("start-step").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("run-status")).ToHaveTextAsync("Paused");
        Assert.Equal(0, await ReplayPage.ProcessedAsync(Page));

        var initial = await ReplayPage.StateTextAsync(Page);
        var before = initial;
        var applied = 0;
        for (var step = 1; step <= 3; step++)
        {
            await Page.GetByTestId("run-step").ClickAsync();
            var expected = step;
            await ReplayPage.WaitForAsync(async () => await ReplayPage.ProcessedAsync(Page) == expected, $"step {step} to be processed");
            await Assertions.Expect(Page.GetByTestId("run-last-event")).ToHaveCountAsync(1);
            await Assertions.Expect(Page.GetByTestId("run-status")).ToHaveTextAsync("Paused");
            var after = await ReplayPage.StateTextAsync(Page);
            // A conversation also holds commands for other services: the projection skips those, the state stays.
            if (await Page.GetByTestId("run-last-event").GetAttributeAsync("data-outcome") == "applied")
            {
                applied++;
                Assert.NotEqual(before, after);
            }

            before = after;
        }

        Assert.True(applied > 0, "at least one of the first three events of an order conversation is applied");
        Assert.NotEqual(initial, before);
        Assert.NotEmpty(await Page.Locator(".eo-diff-added, .eo-diff-changed").AllAsync());
        await ReplayPage.ScreenshotAsync(Page, "/tmp/replay-step.png");

        await Page.GetByTestId("run-resume").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("run-status")).ToHaveTextAsync("Completed");
        await Assertions.Expect(Page.GetByTestId("run-percent")).ToHaveTextAsync("100 %");
        Assert.Equal(await ReplayPage.RunTotalAsync(Page), await ReplayPage.ProcessedAsync(Page));
        var completedRun = await Page.GetByTestId("run-view").GetAttributeAsync("data-run-id");
        await ReplayPage.ScreenshotAsync(Page, "/tmp/replay.png");

        // Typed, and Run clicked right after: the run must get what was typed, not the template before it.
        const string hostile = "({ $any: (s, e) => { while (true) {} } })";
        await ReplayPage.TypeScriptAsync(Page, hostile);
        Assert.Equal(hostile, await ReplayPage.ScriptAsync(Page));
        await Page.GetByTestId("start-run").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("run-status")).ToHaveTextAsync("Failed");
        await Assertions.Expect(Page.GetByTestId("run-error")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.GetByTestId("run-error")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("took too long|too many statements"));
        await ReplayPage.ScreenshotAsync(Page, "/tmp/replay-hostile.png");

        // The page (and the server) keep working: the earlier run is still there, and a new run completes.
        await Page.Locator($"[data-testid=run-entry][data-run-id='{completedRun}']").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("run-view")).ToHaveAttributeAsync("data-run-id", completedRun!);
        await Assertions.Expect(Page.GetByTestId("run-status")).ToHaveTextAsync("Completed");
        await ReplayPage.ChooseAsync(Page, "editor-template", "Count by type");
        await Page.GetByTestId("start-run").ClickAsync();

        // "Completed" may still be the earlier run's status for a moment, and the demo conversation may have grown
        // since: wait until the shown run's total and its count-by-type state agree.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string state;
        long total;
        do
        {
            await Task.Delay(200);
            total = await ReplayPage.RunTotalAsync(Page);
            state = await ReplayPage.StateTextAsync(Page);
        }
        while (!state.Contains("\"total\": " + total.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            && DateTime.UtcNow < deadline);

        await Assertions.Expect(Page.GetByTestId("run-status")).ToHaveTextAsync("Completed");
        Assert.Contains("\"total\": " + total.ToString(System.Globalization.CultureInfo.InvariantCulture), state, StringComparison.Ordinal);
        Assert.True(total >= 4, $"the conversation had at least 4 messages, the run saw {total}");
    }

    [ChromiumFact]
    public async Task Replay_ProjectionEditor_IsMonacoWithJavaScriptHighlighting()
    {
        await ReplayPage.OpenAsync(Page, "/replay?topic=orders.events&limit=20");
        await ReplayPage.ChooseAsync(Page, "editor-template", "Count by type");
        var editor = await ReplayPage.MonacoAsync(Page);
        await ReplayPage.WaitForAsync(async () => (await ReplayPage.ScriptAsync(Page)).Contains("s.total++", StringComparison.Ordinal), "the template in the editor");

        // Monaco's tokenizer gives keywords, strings and plain identifiers different token classes (mtk1 is plain text).
        var keyword = editor.Locator(".view-line span span", new() { HasTextString = "const" }).First;
        await Assertions.Expect(keyword).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"^mtk(?!1$)\d+$"));
        var text = editor.Locator(".view-line span span", new() { HasTextString = "'(unknown)'" }).First;
        await Assertions.Expect(text).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"^mtk(?!1$)\d+$"));
        Assert.NotEqual(await keyword.GetAttributeAsync("class"), await text.GetAttributeAsync("class"));
        await ReplayPage.ScreenshotAsync(Page, "/tmp/replay-editor.png");
    }

    [ChromiumFact]
    public async Task Replay_ReopenedPage_ShowsTheRunStillOnTheServer()
    {
        await ReplayPage.OpenAsync(Page, "/replay?topic=orders.events&limit=50");
        await ReplayPage.WaitForAsync(async () => await ReplayPage.SelectedCountAsync(Page) > 0, "orders to select");
        await Page.GetByTestId("start-step").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("run-status")).ToHaveTextAsync("Paused");
        var runId = await Page.GetByTestId("run-view").GetAttributeAsync("data-run-id");

        await ReplayPage.OpenAsync(Page, "/");
        await ReplayPage.OpenAsync(Page, "/replay?run=" + runId);

        await Assertions.Expect(Page.GetByTestId("run-view")).ToHaveAttributeAsync("data-run-id", runId!);
        await Assertions.Expect(Page.GetByTestId("run-status")).ToHaveTextAsync("Paused");
        await Page.GetByTestId("run-stop").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("run-status")).ToHaveTextAsync("Stopped");
    }

    [ChromiumFact]
    public async Task Replay_CompareWithAnEditedVersion_ShowsTheDiffAndPublishIsRefusedByDefault()
    {
        await ReplayPage.OpenAsync(Page, "/replay?topic=orders.events&limit=100");
        await ReplayPage.WaitForAsync(async () => await ReplayPage.SelectedCountAsync(Page) > 0, "orders to select");
        await ReplayPage.ChooseAsync(Page, "editor-template", "Count by type");
        await Page.GetByTestId("editor-name").FillAsync("counts-e2e");
        await Page.GetByTestId("editor-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("editor-note")).ToContainTextAsync("Saved as counts-e2e v1");
        var edited = (await ReplayPage.ScriptAsync(Page)).Replace("s.total++;", "s.total += 2; s.edited = true;", StringComparison.Ordinal);
        await ReplayPage.PasteScriptAsync(Page, edited);
        Assert.Equal(edited, await ReplayPage.ScriptAsync(Page));

        await Page.GetByRole(AriaRole.Tab, new() { Name = "Compare" }).ClickAsync();
        await ReplayPage.ChooseAsync(Page, "compare-left", "counts-e2e v1");
        await ReplayPage.ChooseAsync(Page, "compare-right", "the editor");
        await Page.GetByTestId("compare-run").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("compare-result")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("[data-testid=compare-changes] [data-path='/edited']")).ToContainTextAsync("true");
        await Assertions.Expect(Page.Locator("[data-testid=compare-changes] [data-path='/total']")).ToBeVisibleAsync();
        await ReplayPage.ScreenshotAsync(Page, "/tmp/replay-compare.png");

        await Page.GetByRole(AriaRole.Tab, new() { Name = "Publish" }).ClickAsync();
        await Page.GetByTestId("publish-target").FillAsync("orders.replayed");
        await Page.GetByTestId("publish-dry-run").UncheckAsync();
        await Page.GetByTestId("publish-start").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("publish-refused")).ToContainTextAsync("Re-publishing is disabled");

        await Page.GetByTestId("publish-dry-run").CheckAsync();
        await Page.GetByTestId("publish-start").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("run-status")).ToHaveTextAsync("Completed");
        await Assertions.Expect(Page.GetByTestId("publish-preview").First).ToContainTextAsync("x-replay-of");
        await Assertions.Expect(Page.GetByTestId("publish-log-row").First).ToContainTextAsync("dry run");
        await ReplayPage.ScreenshotAsync(Page, "/tmp/replay-publish.png");
    }
}
