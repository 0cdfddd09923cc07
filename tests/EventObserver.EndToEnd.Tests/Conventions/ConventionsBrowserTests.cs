using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Conventions;

/// <summary>A new user opens Conventions on the embedded demo and finds the legacy warehouse job's badly named messages.</summary>
public sealed class ConventionsBrowserTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    private const string Legacy = "warehouse-sync";

    [ChromiumFact]
    public async Task Conventions_Demo_ShowsCountsPerSourceAndExamplesLinkingToTheEvent()
    {
        var page = fixture.Page;
        await WaitForLegacyTrafficAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Conventions", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/conventions$"));
        await Assertions.Expect(page.GetByTestId("conventions-summary")).ToContainTextAsync("Last hour:");

        var sources = page.GetByTestId("conventions-source");
        Assert.True(await sources.CountAsync() >= 3, $"expected several sources, saw {await sources.CountAsync()}");
        var legacy = page.Locator($"[data-testid=conventions-source][data-source='{Legacy}']");
        await Assertions.Expect(legacy.GetByTestId("conventions-source-flagged")).ToContainTextAsync("flagged");
        var notPastTense = legacy.Locator("[data-testid=conventions-row][data-rule=EventNotPastTense]");
        var count = int.Parse(await notPastTense.GetByTestId("conventions-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count >= 1, $"expected the legacy events to be flagged, saw {count}");
        await Assertions.Expect(page.Locator("[data-testid=conventions-totals] [data-rule=MissingCorrelationId] .eo-cv-total-value")).Not.ToHaveTextAsync("0");

        await notPastTense.GetByTestId("conventions-toggle").ClickAsync();
        var detail = legacy.GetByTestId("conventions-detail");
        await Assertions.Expect(detail.GetByTestId("conventions-types")).ToContainTextAsync("UpdateStockLevel");
        await Assertions.Expect(detail).ToContainTextAsync("reads as a command");
        await BrowserPages.ScreenshotAsync(page, "/tmp/conventions.png", 1280, 1500);

        await detail.GetByTestId("conventions-example").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/events/inventory\.events/\d+/\d+$"));
        await Assertions.Expect(page.GetByTestId("event-title")).ToContainTextAsync("UpdateStockLevel");

        await page.GotoAsync("/conventions?window=15m");
        await Assertions.Expect(page.GetByTestId("conventions-summary")).ToContainTextAsync("Last 15 min:");
    }

    /// <summary>The demo's legacy job sends two messages in every ten orders; waits until the API reports one.</summary>
    private async Task WaitForLegacyTrafficAsync()
    {
        using var client = fixture.App.CreateClient();
        await BrowserPages.WaitForAsync(
            async () =>
            {
                var body = await client.GetFromJsonAsync<JsonElement>("/api/conventions?window=15m");
                return body.GetProperty("sources").EnumerateArray().Any(s => s.GetProperty("source").GetString() == Legacy
                    && s.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("rule").GetString() == "EventNotPastTense" && f.GetProperty("count").GetInt64() > 0));
            },
            "the demo's legacy warehouse job to send a badly named event",
            seconds: 45);
    }
}
