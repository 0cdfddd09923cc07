using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Flows;

/// <summary>A new user's look at the embedded demo shop's process on the flow map: types, a policy, counts, latencies, examples.</summary>
public sealed class FlowMapBrowserTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    public const string Screenshot = "/tmp/flows.png";
    public const string ReadableScreenshot = "/tmp/flows-readable.png";
    public const string SelectedScreenshot = "/tmp/flows-selected.png";

    [ChromiumFact]
    public async Task FlowMap_Demo_ShowsTheShopsProcessWithCountsLatenciesAndExamples()
    {
        var page = fixture.Page;
        await page.SetViewportSizeAsync(1900, 1000);
        await page.GotoAsync("/flows");
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));

        var placeOrder = page.Locator("[data-testid=flow-node][data-kind=Command][data-label=PlaceOrder]");
        var orderPlaced = page.Locator("[data-testid=flow-node][data-kind=Event][data-label=OrderPlaced]");
        var policies = page.Locator("[data-testid=flow-node][data-kind=Policy]");
        await BrowserPages.WaitForAsync(
            async () =>
            {
                if (await placeOrder.CountAsync() > 0 && await orderPlaced.CountAsync() > 0 && await policies.CountAsync() >= 2
                    && await page.Locator(".eo-fl-unreacted").CountAsync() > 0)
                {
                    return true;
                }

                await page.GetByTestId("flow-refresh").ClickAsync();
                await Task.Delay(1000);
                return false;
            },
            "the demo's PlaceOrder → OrderPlaced, two policies and an unreacted event on the flow map",
            seconds: 60);

        var from = await placeOrder.First.GetAttributeAsync("data-id");
        var to = await orderPlaced.First.GetAttributeAsync("data-id");
        var edge = page.Locator($"[data-testid=flow-edge][data-from='{from}'][data-to='{to}']");
        await Assertions.Expect(edge).ToHaveCountAsync(1);
        var label = page.Locator($"[data-testid=flow-edge-label][data-edge='{await edge.GetAttributeAsync("data-id")}']");
        await Assertions.Expect(label.GetByTestId("flow-edge-count")).ToHaveTextAsync(new Regex(@"^[\d,]+×$"));
        await Assertions.Expect(label.GetByTestId("flow-edge-latency")).ToHaveTextAsync(new Regex(@"^p50 [\d.]+ (ms|s|min)$"));
        await Assertions.Expect(label.GetByTestId("flow-edge-latency-p95")).ToHaveTextAsync(new Regex(@"^p95 [\d.]+ (ms|s|min)$"));
        Assert.Contains("whenever", await policies.First.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".eo-fl-command").CountAsync() >= 3, "fewer than 3 command stickies");
        Assert.True(await page.Locator(".eo-fl-event").CountAsync() >= 3, "fewer than 3 event stickies");
        Assert.True(await page.GetByTestId("flow-lane").CountAsync() >= 3, "fewer than 3 lanes");
        await page.ScreenshotAsync(new() { Path = ReadableScreenshot });
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot });

        await label.ClickAsync();
        await Assertions.Expect(page.GetByTestId("flow-edge-title")).ToHaveTextAsync("PlaceOrder → OrderPlaced");
        var examples = page.GetByTestId("flow-example");
        await Assertions.Expect(examples.First).ToBeVisibleAsync();
        Assert.InRange(await examples.CountAsync(), 1, 5);
        await Assertions.Expect(examples.First).ToHaveAttributeAsync("href", new Regex(@"^lineage\?correlation=.+"));
        await page.ScreenshotAsync(new() { Path = SelectedScreenshot });

        await examples.First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/lineage\?correlation="));
        await Assertions.Expect(page.GetByTestId("lineage-node").First).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1280, 760);
    }

    [ChromiumFact]
    public async Task FlowMap_Demo_OpensReadableOnTheMainFlowAndBackFromAnExampleKeepsSelectionAndZoom()
    {
        var page = fixture.Page;
        await page.SetViewportSizeAsync(1024, 700);
        await page.GotoAsync("/flows?window=15m");
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        var placeOrder = page.Locator("[data-testid=flow-node][data-kind=Command][data-label=PlaceOrder]");
        await Assertions.Expect(placeOrder.First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var board = page.GetByTestId("flow-board");
        await Assertions.Expect(board).ToHaveAttributeAsync("data-scale", new Regex(@"^\d"));

        // The process starts in view at a readable scale, not on empty or loose side lanes.
        Assert.True(await ScaleAsync(board) >= 0.9, $"opened at scale {await ScaleAsync(board)}");
        var canvas = (await board.BoundingBoxAsync())!;
        var start = (await placeOrder.First.BoundingBoxAsync())!;
        Assert.True(start.Y >= canvas.Y && start.Y + start.Height <= canvas.Y + canvas.Height, "PlaceOrder is not in the opening view");
        await page.ScreenshotAsync(new() { Path = "/tmp/flows-1024.png" });
        var zoomOut = page.GetByRole(AriaRole.Button, new() { Name = "Zoom out" });
        await zoomOut.ClickAsync();
        await BrowserPages.WaitForAsync(async () => await ScaleAsync(board) < 0.9, "zoom out to shrink the board");
        await page.GetByTestId("flow-fit").ClickAsync();
        await BrowserPages.WaitForAsync(async () => await ScaleAsync(board) >= 0.9, "Fit to bring the board back to a readable scale");

        await zoomOut.ClickAsync();
        await BrowserPages.WaitForAsync(async () => await ScaleAsync(board) < 0.9, "zoom out before opening an example");
        var zoom = await ScaleAsync(board);
        var label = page.GetByTestId("flow-edge-label").First;
        var edge = await label.GetAttributeAsync("data-edge");
        await label.ClickAsync();
        var title = await page.GetByTestId("flow-edge-title").InnerTextAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("view="));
        await page.GetByTestId("flow-example").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/lineage\?"));
        await Assertions.Expect(page.GetByTestId("lineage-node").First).ToBeVisibleAsync();

        await page.GoBackAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/flows\?window=15m&edge="));
        await Assertions.Expect(page.GetByTestId("flow-edge-title")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator($"[data-testid=flow-edge][data-id='{edge}']")).ToHaveClassAsync(new Regex("eo-fl-selected"));
        await BrowserPages.WaitForAsync(async () => Math.Abs(await ScaleAsync(board) - zoom) < 0.002, $"the zoom {zoom} to come back");
        await page.SetViewportSizeAsync(1280, 760);
    }

    [ChromiumFact]
    public async Task SegmentedChoices_FlowMapAndConventions_SelectedOptionIsPressedAndFilled()
    {
        var page = fixture.Page;
        foreach (var (url, group, selected) in new[] { ("/flows?window=1h", "flow-window", "1h"), ("/conventions?window=24h", "conventions-window", "24h") })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
            var options = page.Locator($"[data-testid={group}] [data-window]");
            var chosen = page.Locator($"[data-testid={group}] [data-window='{selected}']");
            await Assertions.Expect(chosen).ToHaveAttributeAsync("aria-pressed", "true");
            var others = page.Locator($"[data-testid={group}] [aria-pressed=false]");
            Assert.Equal(await options.CountAsync() - 1, await others.CountAsync());
            var background = await chosen.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
            foreach (var other in await others.AllAsync())
            {
                Assert.NotEqual(background, await other.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
            }
        }
    }

    private static async Task<double> ScaleAsync(ILocator board) =>
        double.Parse(await board.GetAttributeAsync("data-scale") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
}
