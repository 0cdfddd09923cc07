using System.Globalization;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Replay;

/// <summary>What the replay tests read from and do on the page.</summary>
internal static partial class ReplayPage
{
    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        // Prerendered HTML says "Connecting…"; only the live circuit turns it into "Live".
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
    }

    public static async Task<long> SelectedCountAsync(IPage page)
    {
        var text = await page.GetByTestId("selection-count").InnerTextAsync();
        var match = LeadingNumber().Match(text);
        return match.Success ? long.Parse(match.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : -1;
    }

    public static async Task<long> ProcessedAsync(IPage page)
    {
        var text = await page.GetByTestId("run-processed").InnerTextAsync();
        return long.Parse(LeadingNumber().Match(text).Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    /// <summary>The run's own total (fixed when it started; the selection's count may have grown since with live traffic).</summary>
    public static async Task<long> RunTotalAsync(IPage page)
    {
        var text = await page.GetByTestId("run-processed").InnerTextAsync();
        return long.Parse(text[(text.IndexOf('/', StringComparison.Ordinal) + 1)..].Trim().Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    public static Task<string> StateTextAsync(IPage page) => page.GetByTestId("state-tree").InnerTextAsync();

    public static Task ScreenshotAsync(IPage page, string path) => BrowserPages.ScreenshotAsync(page, path, 1440, 1400);

    public static Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds = 30) =>
        BrowserPages.WaitForAsync(condition, what, seconds);

    [GeneratedRegex(@"^\s*[\d,]+")]
    private static partial Regex LeadingNumber();
}
