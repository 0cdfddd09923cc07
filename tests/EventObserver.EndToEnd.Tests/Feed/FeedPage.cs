using System.Globalization;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;

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

    public static Task ScreenshotAsync(IPage page, string path) => BrowserPages.ScreenshotAsync(page, path, 1280, 1300);

    public static Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds = 30) =>
        BrowserPages.WaitForAsync(condition, what, seconds);
}
