using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests;

public sealed partial class ShellTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    private const int DemoTopicsAtLeast = 6;

    [ChromiumFact]
    public async Task Shell_LoadsGoesInteractiveAndTopicsShowGrowingDemoCounts()
    {
        var page = fixture.Page;

        await page.GotoAsync("/");
        // Prerendered HTML says "Connecting…"; only the live circuit turns it into "Live".
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        await Assertions.Expect(page.GetByTestId("embedded-chip")).ToBeVisibleAsync();

        await NavigateAsync(page, "Topics");
        await page.WaitForURLAsync("**/topics");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Topics");
        await WaitForAsync(async () => await page.GetByTestId("topic-name").CountAsync() >= DemoTopicsAtLeast, "at least 6 demo topics");

        var first = await TotalIndexedAsync(page);
        await WaitForAsync(
            async () => await TotalIndexedAsync(page) > first,
            "the indexed count to grow without a reload",
            async () => $"the page read {first:N0} first and now says '{await page.GetByTestId("topics-summary").InnerTextAsync()}' "
                + $"(circuit: '{await page.GetByTestId("circuit-state").InnerTextAsync()}'); /api/topics says {await ServerIndexedAsync()} events indexed");
        await page.ScreenshotAsync(new() { Path = "/tmp/topics.png", FullPage = true });

        await NavigateAsync(page, "Lineage");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Lineage");
        await NavigateAsync(page, "Replay");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Replay");
        await NavigateAsync(page, "Audit log");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Audit log");
        await Assertions.Expect(page.GetByTestId("audit-summary")).ToHaveTextAsync(new Regex(@"^\d+ records?$"));
        await page.ScreenshotAsync(new() { Path = "/tmp/audit.png", FullPage = true });
        await NavigateAsync(page, "Live feed");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Live feed");
    }

    private static Task NavigateAsync(IPage page, string menuItem) =>
        page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = menuItem, Exact = true }).ClickAsync();

    private static async Task<long> TotalIndexedAsync(IPage page)
    {
        var summary = await page.GetByTestId("topics-summary").InnerTextAsync();
        var match = IndexedCount().Match(summary);
        return match.Success ? long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : 0;
    }

    private async Task<string> ServerIndexedAsync()
    {
        using var client = fixture.App.CreateClient();
        var topics = await client.GetFromJsonAsync<JsonElement>("/api/topics");
        return topics.EnumerateArray().Sum(t => t.GetProperty("indexed").GetInt64()).ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <summary>Polls a condition the server changes over time; fails with what it waited for (and what <paramref name="explain"/> finds then).</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, Func<Task<string>>? explain = null)
    {
        // 45 s: one CI run on a loaded 2-core machine saw no new demo event reach the page within 20 s.
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Timed out waiting for {what}." + (explain is null ? "" : " " + await explain()));
    }

    [GeneratedRegex(@"([\d,]+) events indexed")]
    private static partial Regex IndexedCount();
}
