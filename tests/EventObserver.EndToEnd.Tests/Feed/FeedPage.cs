using System.Globalization;
using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Feed;

/// <summary>What the feed tests read from the page.</summary>
internal static class FeedPage
{
    public static ILocator Rows(IPage page) => page.GetByTestId("feed-row");

    public static async Task OpenAsync(IPage page, string url = "/")
    {
        await page.GotoAsync(url);
        // Prerendered HTML says "Connecting…"; only the live circuit turns it into "Live".
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
    }

    public static async Task<string?> FirstRowIdAsync(IPage page) =>
        await Rows(page).CountAsync() == 0 ? null : await Rows(page).First.GetAttributeAsync("data-id");

    public static async Task<long> NewEventsAsync(IPage page)
    {
        var badge = page.GetByTestId("new-events");
        if (await badge.CountAsync() == 0)
        {
            return 0;
        }

        return long.Parse(await badge.GetAttributeAsync("data-count") ?? "0", CultureInfo.InvariantCulture);
    }

    /// <summary>A tall viewport instead of a full-page shot, which would paint the fixed app bar mid-page.</summary>
    public static async Task ScreenshotAsync(IPage page, string path)
    {
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(1280, 1300);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = path });
        if (size is not null)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
    }

    /// <summary>Polls a condition the server changes over time; fails with what it waited for.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Timed out waiting for {what}.");
    }
}
