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
}
