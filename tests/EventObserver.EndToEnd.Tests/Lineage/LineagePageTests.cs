using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Lineage;

/// <summary>A new user's path on the embedded demo: open a failed payment (or a shipped order) and see the whole order conversation.</summary>
public sealed class LineagePageTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    [ChromiumFact]
    public async Task Lineage_DemoEvent_ShowsTheOrderConversationAcrossTopicsAndNodeDetail()
    {
        var page = fixture.Page;
        var position = await WaitForDemoEventAsync();

        await page.GotoAsync($"/lineage?event={Uri.EscapeDataString(position)}");
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        var nodes = page.GetByTestId("lineage-node");
        await Assertions.Expect(nodes.First).ToBeVisibleAsync();

        var topics = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in await nodes.AllAsync())
        {
            if (await node.GetAttributeAsync("data-topic") is { Length: > 0 } topic)
            {
                topics.Add(topic);
            }
        }

        Assert.True(await nodes.CountAsync() >= 5, $"expected at least 5 nodes, saw {await nodes.CountAsync()}");
        Assert.True(topics.Count >= 3, $"expected at least 3 topics, saw {string.Join(", ", topics)}");
        Assert.True(await page.Locator(".eo-lg-command").CountAsync() >= 1, "no command sticky");
        Assert.True(await page.Locator(".eo-lg-event").CountAsync() >= 1, "no event sticky");
        Assert.True(await page.GetByTestId("lineage-edge").CountAsync() >= 4);

        // Zoom out with the wheel (handled in the browser) until the start of the conversation is on screen.
        var viewport = page.Locator(".eo-lg-viewport");
        var before = await viewport.GetAttributeAsync("transform");
        var canvas = await page.GetByTestId("lineage-graph").BoundingBoxAsync();
        await page.Mouse.MoveAsync(canvas!.X + canvas.Width / 2, canvas.Y + canvas.Height / 2);
        for (var i = 0; i < 8; i++)
        {
            await page.Mouse.WheelAsync(0, 400);
        }

        await Assertions.Expect(viewport).Not.ToHaveAttributeAsync("transform", before ?? "");
        var placeOrder = page.Locator("[data-testid=lineage-node][data-topic='orders.commands']").First;
        await placeOrder.ClickAsync();
        await Assertions.Expect(page.GetByTestId("lineage-detail-type")).ToHaveTextAsync("PlaceOrder");
        await Assertions.Expect(page.GetByTestId("lineage-detail-position")).ToHaveTextAsync(new Regex(@"^orders\.commands/\d+/\d+$"));
        await Assertions.Expect(page.GetByTestId("lineage-detail-event")).ToHaveAttributeAsync("href", new Regex(@"events/orders\.commands/\d+/\d+$"));
        Assert.True(await page.Locator(".eo-lg-edge.eo-lg-on-path").CountAsync() >= 1, "the path from the root to the selection is not highlighted");

        await page.GetByRole(AriaRole.Button, new() { Name = "Fit" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = "/tmp/lineage.png" });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("lineage-export").ClickAsync());
        var svg = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains(".eo-lg-command .eo-lg-sticky", svg, StringComparison.Ordinal);
        Assert.Contains("PlaceOrder", svg, StringComparison.Ordinal);

        await page.GetByTestId("lineage-whole-correlation").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lineage-caption")).ToHaveTextAsync(new Regex("^Conversation "));
        await page.ScreenshotAsync(new() { Path = "/tmp/lineage-correlation.png" });
        await page.GotoAsync("/lineage");
        await Assertions.Expect(page.GetByTestId("lineage-suggestion").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = "/tmp/lineage-search.png" });
    }

    [ChromiumFact]
    public async Task Lineage_CausesOfADemoEvent_OpensWithEveryNodeInViewAndKeepsTheDirectionOnReload()
    {
        var page = fixture.Page;
        var position = await WaitForDemoEventAsync();
        // Wide enough for the causes of a demo order (about five stickies in a row) at a readable scale.
        await page.SetViewportSizeAsync(1920, 1080);
        await page.GotoAsync($"/lineage?event={Uri.EscapeDataString(position)}");
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        var causes = page.Locator("[data-testid=lineage-direction] [data-direction=causes]");
        var both = page.Locator("[data-testid=lineage-direction] [data-direction=both]");
        await Assertions.Expect(both).ToHaveAttributeAsync("aria-pressed", "true");

        await causes.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("direction=causes"));
        await Assertions.Expect(causes).ToHaveAttributeAsync("aria-pressed", "true");
        await AssertOpenedViewAsync(page, position);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        await Assertions.Expect(causes).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(both).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.NotEqual(await BackgroundAsync(causes), await BackgroundAsync(both));
        await AssertOpenedViewAsync(page, position);
        await page.ScreenshotAsync(new() { Path = "/tmp/lineage-causes.png" });
        await page.SetViewportSizeAsync(1280, 760);
    }

    [ChromiumFact]
    public async Task Lineage_ExpandNeighbours_ShowsProgressThenHighlightsTheNewNodesInView()
    {
        var page = fixture.Page;
        var position = await WaitForDemoEventAsync();
        await page.GotoAsync($"/lineage?event={Uri.EscapeDataString(position)}&direction=causes");
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        var expand = page.GetByTestId("lineage-detail-expand");
        await Assertions.Expect(expand).ToBeEnabledAsync();
        var before = await page.GetByTestId("lineage-node").CountAsync();
        // The read can be quicker than a poll: record whether the spinner was ever drawn. The records, not the DOM at
        // callback time: both render batches (spinner in, spinner out) may be applied before the observer runs.
        await page.EvaluateAsync(@"() => {
            window.__eoSpinner = false;
            const spinner = '[data-testid=lineage-expanding]';
            new MutationObserver(records => {
                for (const record of records) {
                    for (const node of record.addedNodes) {
                        if (node.nodeType === 1 && (node.matches(spinner) || node.querySelector(spinner))) window.__eoSpinner = true;
                    }
                }
            }).observe(document.body, { childList: true, subtree: true });
        }");

        await expand.ClickAsync();

        var note = page.GetByTestId("lineage-expand-note");
        await Assertions.Expect(note).ToHaveTextAsync(new Regex(@"^\d+ new neighbours? \(highlighted\)\.$"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__eoSpinner"), "no progress was shown while expanding");
        Assert.True(await page.GetByTestId("lineage-node").CountAsync() > before, "the expansion added no node");
        var added = page.Locator("[data-testid=lineage-node].eo-lg-new");
        Assert.True(await added.CountAsync() >= 1, "no node is highlighted as new");
        var canvas = (await page.GetByTestId("lineage-graph").BoundingBoxAsync())!;
        foreach (var node in await added.AllAsync())
        {
            AssertInside(canvas, (await node.BoundingBoxAsync())!, await node.GetAttributeAsync("data-id"));
        }

        await Assertions.Expect(expand).ToBeEnabledAsync();
        await page.ScreenshotAsync(new() { Path = "/tmp/lineage-expanded.png" });
    }

    /// <summary>
    /// The opening view's rule: the whole graph when it fits at <see cref="LineageGraphView.ReadableScale"/> or more
    /// (every node inside the canvas), else 100 % around the start (the start inside). Which one applies depends on how
    /// many causes the demo event has.
    /// </summary>
    private static async Task AssertOpenedViewAsync(IPage page, string start)
    {
        var nodes = page.GetByTestId("lineage-node");
        await Assertions.Expect(nodes.First).ToBeVisibleAsync();
        // The fit runs right after the graph is drawn: wait until the view carries a transform.
        await Assertions.Expect(page.Locator(".eo-lg-viewport")).ToHaveAttributeAsync("transform", new Regex("scale"));
        // The graph can be redrawn (and fitted again) right after the first fit, as more of it is read: wait until the
        // view has settled (the scale stays put for a moment), then assert on that view.
        var graph = page.GetByTestId("lineage-graph");
        string? scale = null;
        await BrowserPages.WaitForAsync(async () =>
        {
            var before = await graph.GetAttributeAsync("data-scale");
            await page.WaitForTimeoutAsync(300);
            scale = await graph.GetAttributeAsync("data-scale");
            return scale is not null && scale == before;
        }, "a settled view", seconds: 15);

        var canvas = (await graph.BoundingBoxAsync())!;
        if (double.Parse(scale!, System.Globalization.CultureInfo.InvariantCulture) >= EventObserver.Features.Lineage.LineageGraphView.ReadableScale - 0.001
            && double.Parse(scale!, System.Globalization.CultureInfo.InvariantCulture) < 0.999)
        {
            foreach (var node in await nodes.AllAsync())
            {
                AssertInside(canvas, (await node.BoundingBoxAsync())!, await node.GetAttributeAsync("data-id"));
            }

            return;
        }

        if (await AllInsideAsync(page))
        {
            return; // fits at 100 %
        }

        Assert.Equal("1.0000", scale);
        var startNode = page.Locator($"[data-testid=lineage-node][data-id='{start}']");
        AssertInside(canvas, (await startNode.BoundingBoxAsync())!, start);
    }

    private static async Task<bool> AllInsideAsync(IPage page)
    {
        var canvas = (await page.GetByTestId("lineage-graph").BoundingBoxAsync())!;
        foreach (var node in await page.GetByTestId("lineage-node").AllAsync())
        {
            var box = (await node.BoundingBoxAsync())!;
            if (box.X < canvas.X - 1 || box.Y < canvas.Y - 1 || box.X + box.Width > canvas.X + canvas.Width + 1 || box.Y + box.Height > canvas.Y + canvas.Height + 1)
            {
                return false;
            }
        }

        return true;
    }

    private static void AssertInside(LocatorBoundingBoxResult canvas, LocatorBoundingBoxResult box, string? id) =>
        Assert.True(
            box.X >= canvas.X - 1 && box.Y >= canvas.Y - 1 && box.X + box.Width <= canvas.X + canvas.Width + 1 && box.Y + box.Height <= canvas.Y + canvas.Height + 1,
            $"node {id} at ({box.X:0},{box.Y:0},{box.Width:0}x{box.Height:0}) is outside the canvas ({canvas.X:0},{canvas.Y:0},{canvas.Width:0}x{canvas.Height:0})");

    private static Task<string> BackgroundAsync(ILocator element) => element.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

    /// <summary>Polls the API until the demo has produced a PaymentFailed or OrderShipped whose lineage spans 5 messages on 3 topics.</summary>
    private async Task<string> WaitForDemoEventAsync()
    {
        using var client = fixture.App.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var type in new[] { "PaymentFailed", "OrderShipped" })
            {
                var events = await client.GetFromJsonAsync<JsonElement[]>($"/api/events?type={type}&limit=5") ?? [];
                foreach (var e in events)
                {
                    var id = $"{e.GetProperty("topic").GetString()}/{e.GetProperty("partition").GetInt32()}/{e.GetProperty("offset").GetInt64()}";
                    var graph = await client.GetFromJsonAsync<JsonElement>($"/api/events/{id}/lineage");
                    var nodes = graph.GetProperty("nodes").EnumerateArray().ToList();
                    var topics = nodes.Select(n => n.GetProperty("topic").GetString()).Where(t => t is not null).Distinct().Count();
                    if (nodes.Count >= 5 && topics >= 3)
                    {
                        return id;
                    }
                }
            }

            await Task.Delay(300);
        }

        Assert.Fail("The demo produced no PaymentFailed or OrderShipped with a 5-message lineage within 45 s.");
        return "";
    }
}
