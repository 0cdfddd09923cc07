using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

using Deque.AxeCore.Playwright;

using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Replay;

/// <summary>
/// Compare on the live demo (issue 18, point 10): the index grows while it runs, yet both sides read the same events;
/// a compare that does not compile starts nothing and says why where the run would be shown.
/// </summary>
public sealed class ReplayCompareBrowserTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    private IPage Page => fixture.Page;

    [ChromiumFact]
    public async Task Compare_WhileTheIndexGrows_BothSidesReadTheSameEventsAndTheDiffHasNoGrowth()
    {
        // The whole index, counted by two copies of one projection: any difference could only come from growth.
        await ReplayPage.OpenAsync(Page, "/replay");
        var before = await IndexedAsync();
        await ReplayPage.WaitForAsync(async () => await IndexedAsync() > before, "the demo to index more events");
        await ReplayPage.ChooseAsync(Page, "editor-template", "Count by type");
        await Page.GetByTestId("editor-name").FillAsync("counts-compare");
        await Page.GetByTestId("editor-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("editor-note")).ToContainTextAsync("Saved as counts-compare v1");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Compare" }).ClickAsync();
        await ReplayPage.ChooseAsync(Page, "compare-left", "counts-compare v1");
        await ReplayPage.ChooseAsync(Page, "compare-right", "the editor");
        var atStart = await IndexedAsync();

        await Page.GetByTestId("compare-run").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("compare-result")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var sides = Page.GetByTestId("compare-side");
        await Assertions.Expect(sides).ToHaveCountAsync(2);
        var left = long.Parse((await sides.Nth(0).GetAttributeAsync("data-processed"))!, CultureInfo.InvariantCulture);
        var right = long.Parse((await sides.Nth(1).GetAttributeAsync("data-processed"))!, CultureInfo.InvariantCulture);
        Assert.Equal(left, right);
        Assert.True(left >= before, $"the compare read {left} events, the index held {before} before it");
        Assert.True(await IndexedAsync() > atStart, "the index grew while the compare ran");
        await Assertions.Expect(Page.GetByTestId("compare-changes")).ToContainTextAsync("identical");
        await Assertions.Expect(Page.Locator("[data-testid=compare-changes] [data-path='/total']")).ToHaveCountAsync(0);

        // One entry for the compare, with its two sides, each showing what its bar shows; the right side is shown.
        var compare = Page.GetByTestId("run-compare");
        await Assertions.Expect(compare).ToHaveCountAsync(1);
        await Assertions.Expect(compare.GetByTestId("run-entry")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.GetByTestId("run-view")).ToHaveAttributeAsync("data-status", "completed");
        var shown = await Page.GetByTestId("run-view").GetAttributeAsync("data-run-id");
        var processed = (await Page.GetByTestId("run-processed").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await Assertions.Expect(Page.Locator($"[data-testid=run-entry][data-run-id='{shown}'] [data-testid=run-entry-progress]"))
            .ToHaveTextAsync("completed · " + processed);
        await ShootAsync("compare");
        await AssertAccessibleAsync();
    }

    [ChromiumFact]
    public async Task Compare_SideThatDoesNotCompile_ShowsTheErrorInTheRunPanelAndLeavesNoRun()
    {
        await ReplayPage.OpenAsync(Page, "/replay?topic=orders.events&limit=50");
        await ReplayPage.WaitForAsync(async () => await ReplayPage.SelectedCountAsync(Page) > 0, "orders to select");
        await ReplayPage.ChooseAsync(Page, "editor-template", "Count by type");
        await Page.GetByTestId("editor-name").FillAsync("counts-broken-compare");
        await Page.GetByTestId("editor-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("editor-note")).ToContainTextAsync("Saved as counts-broken-compare v1");
        var runsAtStart = (await RunIdsAsync()).Count;
        await Page.GetByTestId("start-run").ClickAsync();
        // The page may still show the previous test's completed run: count from the server once this run is there.
        await ReplayPage.WaitForAsync(async () => (await RunIdsAsync()).Count > runsAtStart, "the run just started");
        await Assertions.Expect(Page.GetByTestId("run-status")).ToHaveTextAsync("Completed");
        var runsBefore = await RunIdsAsync();
        var comparesBefore = await Page.GetByTestId("run-compare").CountAsync();

        await ReplayPage.PasteScriptAsync(Page, "({ $any: (s, e) => { s.n++; ");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Compare" }).ClickAsync();
        await ReplayPage.ChooseAsync(Page, "compare-left", "counts-broken-compare v1");
        await ReplayPage.ChooseAsync(Page, "compare-right", "the editor");
        await Page.GetByTestId("compare-run").ClickAsync();

        await Assertions.Expect(Page.GetByTestId("run-failure")).ToContainTextAsync("does not compile");
        await Assertions.Expect(Page.GetByTestId("run-view")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByTestId("compare-problem")).ToContainTextAsync("does not compile");
        Assert.Equal(runsBefore, await RunIdsAsync());
        await Assertions.Expect(Page.GetByTestId("run-compare")).ToHaveCountAsync(comparesBefore);

        // The same script cannot be saved either: Save is off and says why.
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Projection" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("editor-save")).ToBeDisabledAsync();
        await Assertions.Expect(Page.GetByTestId("editor-compile-error")).ToContainTextAsync("does not compile");
        await ShootAsync("compile-error");
    }

    private async Task<long> IndexedAsync()
    {
        using var client = fixture.App.CreateClient();
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/stats");
        return stats.GetProperty("totalIndexed").GetInt64();
    }

    private async Task<List<string>> RunIdsAsync()
    {
        using var client = fixture.App.CreateClient();
        var runs = await client.GetFromJsonAsync<JsonElement[]>("/api/replays") ?? [];
        return [.. runs.Select(r => r.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];
    }

    private async Task ShootAsync(string name)
    {
        await BrowserPages.ScreenshotAsync(Page, $"/tmp/replay-{name}-1024.png", 1024, 700);
        await BrowserPages.ScreenshotAsync(Page, $"/tmp/replay-{name}-1920.png", 1920, 1080);
    }

    private async Task AssertAccessibleAsync()
    {
        // The page's own content: the layout around it (app bar, demo banner) is checked by the layout's tests.
        var result = await Page.GetByTestId("replay-page").RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target} {n.Html}"))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
