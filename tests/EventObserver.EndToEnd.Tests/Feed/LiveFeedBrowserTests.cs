using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.EndToEnd.Tests.Infrastructure;
using EventObserver.TestSupport;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Feed;

public sealed class LiveFeedBrowserTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    private IPage Page => fixture.Page;

    [ChromiumFact]
    public async Task Feed_EmbeddedDemo_RowsFromSeveralTopicsArriveLive()
    {
        await FeedPage.OpenAsync(Page);

        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() >= 20, "at least 20 rows");
        var first = await FeedPage.FirstRowIdAsync(Page);
        await FeedPage.WaitForAsync(async () => await FeedPage.FirstRowIdAsync(Page) != first, "a newer row on top without a reload");
        // The acceptance: one stream shows rows of at least six demo topics, live.
        string[] topics = [];
        await FeedPage.WaitForAsync(
            async () =>
            {
                topics = await FeedPage.Rows(Page).EvaluateAllAsync<string[]>(
                    "rows => [...new Set(rows.map(r => r.dataset.id.split('/').slice(0, -2).join('/')))]");
                return topics.Length >= 6;
            },
            "rows from at least 6 topics");
        Assert.True(topics.Length >= 6, $"rows from at least 6 topics, got {string.Join(", ", topics)}");
        var timestamps = await FeedPage.Rows(Page).EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.ts))");
        Assert.All(timestamps, ts => Assert.True(ts > 1_600_000_000_000, $"data-ts {ts} is epoch milliseconds"));
        // Newest first by arrival; partitions interleave, so only the ends are compared.
        Assert.True(timestamps[0] >= timestamps[^1], "the top row is newer than the bottom one");

        await Assertions.Expect(Page.GetByTestId("timeline-bar").First).ToBeAttachedAsync();
        await FeedPage.ScreenshotAsync(Page, "/tmp/feed.png");
    }

    [ChromiumFact]
    public async Task Feed_PauseThenResume_BadgeCountsUpAndResumeCatchesUp()
    {
        await FeedPage.OpenAsync(Page);
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() > 0, "the first rows");

        await Page.GetByTestId("feed-pause").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("feed-state")).ToHaveTextAsync("Paused");
        var frozenTop = await FeedPage.FirstRowIdAsync(Page);
        await FeedPage.WaitForAsync(async () => await FeedPage.NewEventsAsync(Page) > 0, "the new-events badge");
        var firstCount = await FeedPage.NewEventsAsync(Page);
        await FeedPage.WaitForAsync(async () => await FeedPage.NewEventsAsync(Page) > firstCount, "the badge to count up");
        Assert.Equal(frozenTop, await FeedPage.FirstRowIdAsync(Page));

        await Page.GetByTestId("feed-resume").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("feed-state")).ToHaveTextAsync("Live");
        await Assertions.Expect(Page.GetByTestId("new-events")).ToHaveCountAsync(0);
        await FeedPage.WaitForAsync(async () => await FeedPage.FirstRowIdAsync(Page) != frozenTop, "the view to catch up after Resume");
    }

    [ChromiumFact]
    public async Task Feed_CorrelationFilterInUrl_ShowsOnlyThatConversationAndSurvivesReload()
    {
        var correlationId = await BrowserPages.FindCorrelationIdAsync(fixture.App, 3);

        await FeedPage.OpenAsync(Page, "/?correlationId=" + Uri.EscapeDataString(correlationId));
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() >= 2, "the conversation's rows");
        await AssertOnlyCorrelationAsync(correlationId);
        await Assertions.Expect(Page.GetByTestId("filter-correlation")).ToHaveValueAsync(correlationId);

        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByTestId("circuit-state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Live"));
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() >= 2, "the rows after a reload");
        await AssertOnlyCorrelationAsync(correlationId);
    }

    [ChromiumFact]
    public async Task Feed_TypeFilterInUrl_ShowsOnlyThatTypeAndSurvivesReload()
    {
        await FeedPage.OpenAsync(Page, "/?type=OrderPlaced");
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() >= 2, "OrderPlaced rows");
        await AssertOnlyTypeAsync("OrderPlaced");

        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByTestId("circuit-state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Live"));
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() >= 2, "the rows after a reload");
        await AssertOnlyTypeAsync("OrderPlaced");
    }

    private async Task AssertOnlyTypeAsync(string type)
    {
        var types = await FeedPage.Rows(Page).EvaluateAllAsync<string[]>("rows => rows.map(r => r.children[3].textContent.trim())");
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal(type, t));
    }

    private async Task AssertOnlyCorrelationAsync(string correlationId)
    {
        var correlations = await FeedPage.Rows(Page).EvaluateAllAsync<string[]>("rows => rows.map(r => r.children[5].title)");
        Assert.NotEmpty(correlations);
        Assert.All(correlations, c => Assert.Equal(correlationId, c));
    }
}
