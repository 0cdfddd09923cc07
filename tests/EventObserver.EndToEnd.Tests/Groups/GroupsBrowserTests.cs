using System.Globalization;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Feed;
using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Groups;

/// <summary>
/// An on-call engineer's path through the demo: /groups shows the slow "analytics" group lagging, its page lists its
/// partitions, and a partition's feed link opens the live feed at the group's committed offset, showing the events it has
/// not consumed yet. Needs the demo's consumer groups and the group monitor (both registered by the real app).
/// </summary>
public sealed class GroupsBrowserTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    private IPage Page => fixture.Page;

    [ChromiumFact]
    public async Task Groups_AnalyticsLagging_OpensTheGroupThenTheFeedAtItsCommittedOffset()
    {
        await Page.GotoAsync("/groups");
        await Assertions.Expect(Page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        var analytics = Page.Locator("tr", new() { Has = Page.Locator("a[data-testid=group-name]", new() { HasTextString = "analytics" }) });
        // The monitor samples every 10 s and the demo's analytics group is slow on purpose: its lag shows within a few samples.
        await FeedPage.WaitForAsync(async () => await analytics.CountAsync() > 0 && Number(await analytics.GetByTestId("group-lag").TextContentAsync()) > 0,
            "the analytics group to be listed with lag", seconds: 90);
        await BrowserPages.ScreenshotAsync(Page, "/tmp/groups-list-1280.png", 1280, 800);

        await analytics.Locator("a[data-testid=group-name]").ClickAsync();

        await Page.WaitForURLAsync(new Regex(@"/groups/analytics$"));
        await Assertions.Expect(Page.GetByTestId("group-title")).ToHaveTextAsync("analytics");
        await FeedPage.WaitForAsync(async () => await LaggingRowAsync() is not null, "a partition of analytics with lag", seconds: 60);
        await BrowserPages.ScreenshotAsync(Page, "/tmp/groups-detail-1280.png", 1280, 1000);
        var row = (await LaggingRowAsync())!;
        var partition = (await row.GetAttributeAsync("data-partition"))!;
        var committed = long.Parse((await row.Locator("td").Nth(1).TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);

        await row.GetByTestId("partition-feed").ClickAsync();

        await Page.WaitForURLAsync(new Regex(@"/\?topic=.+&range=.+"));
        Assert.Contains($"range={partition}/{committed}-", Uri.UnescapeDataString(Page.Url), StringComparison.Ordinal);
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() > 0, "the feed's rows from the committed offset");
        var ids = await FeedPage.Rows(Page).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        Assert.All(ids, id =>
        {
            Assert.StartsWith(partition + "/", id, StringComparison.Ordinal);
            Assert.True(long.Parse(id[(id.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture) >= committed, $"{id} is before the committed offset {committed}");
        });
    }

    /// <summary>The first partition row whose lag is a number above zero, or null.</summary>
    private async Task<ILocator?> LaggingRowAsync()
    {
        var rows = Page.Locator("tr[data-testid=partition-row]");
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            if (Number(await row.GetByTestId("partition-lag").TextContentAsync()) > 0)
            {
                return row;
            }
        }

        return null;
    }

    private static long Number(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
