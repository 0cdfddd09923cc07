using System.Net;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Feed;
using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Navigation;

/// <summary>
/// A user keeps their place: "← Live feed" on a detail returns to the filtered feed the detail was opened from, a
/// topic on /topics opens its detail page, whose button opens the feed of that topic, and an event that is not there answers 404 with a friendly page.
/// </summary>
public sealed class NavigationBrowserTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    private const string Filtered = "/?topic=orders.events&type=OrderPlaced";

    private IPage Page => fixture.Page;

    [ChromiumFact]
    public async Task Detail_OpenedFromAFilteredFeed_BackLinkReturnsToTheSameFilter()
    {
        await FeedPage.OpenAsync(Page, Filtered);
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() > 0, "an OrderPlaced row");

        await FeedPage.Rows(Page).First.ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/events/orders\.events/\d+/\d+\?back="));
        await Assertions.Expect(Page.GetByTestId("event-title")).ToContainTextAsync("OrderPlaced");
        await ScreenshotsAsync("detail");
        await Page.GetByTestId("back-to-feed").ClickAsync();

        await Page.WaitForURLAsync(new Regex(@"/\?topic=orders\.events&type=OrderPlaced$"));
        await Assertions.Expect(Page.GetByTestId("filter-reset")).ToBeEnabledAsync();
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() > 0, "the filtered feed's rows");
        var ids = await FeedPage.Rows(Page).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        Assert.All(ids, id => Assert.StartsWith("orders.events/", id, StringComparison.Ordinal));
        var types = await FeedPage.Rows(Page).EvaluateAllAsync<string[]>("rows => rows.map(r => r.children[3].textContent.trim())");
        Assert.All(types, type => Assert.Equal("OrderPlaced", type));
    }

    [ChromiumFact]
    public async Task Topics_TopicName_OpensItsDetail_WhoseFeedButtonOpensTheFeedFilteredToThatTopic()
    {
        await Page.GotoAsync("/topics");
        await Assertions.Expect(Page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        var row = Page.Locator("tr", new() { Has = Page.Locator("a[data-testid=topic-name]", new() { HasTextString = "payments.events" }) });
        await Assertions.Expect(row.GetByTestId("topic-feed")).ToHaveAttributeAsync("href", "./?topic=payments.events");
        var topic = row.Locator("a[data-testid=topic-name]");
        await Assertions.Expect(topic).ToHaveAttributeAsync("href", "./topics/payments.events");
        await ScreenshotsAsync("topics");

        await topic.ClickAsync();

        await Page.WaitForURLAsync(new Regex(@"/topics/payments\.events$"));
        await Assertions.Expect(Page.GetByTestId("topic-title")).ToHaveTextAsync("payments.events");
        await Assertions.Expect(Page.GetByTestId("partition-row").First).ToBeVisibleAsync();
        await ScreenshotsAsync("topic-detail");
        await Page.GetByTestId("open-feed").ClickAsync();

        await Page.WaitForURLAsync(new Regex(@"/\?topic=payments\.events$"));
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() > 0, "the topic's rows");
        var ids = await FeedPage.Rows(Page).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        Assert.All(ids, id => Assert.StartsWith("payments.events/", id, StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task Detail_EventNotInTheIndex_Answers404AndSaysEventNotFound()
    {
        using var client = fixture.App.CreateClient();
        using var direct = await client.GetAsync(new Uri("/events/nope/1/2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.Contains("Event not found", await direct.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var response = await Page.GotoAsync("/events/nope/1/2");

        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        await Assertions.Expect(Page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Event not found");
        await Assertions.Expect(Page.GetByTestId("event-missing")).ToContainTextAsync("nope/1/2");
        await ScreenshotsAsync("not-found");
    }

    [ChromiumFact]
    public async Task Conventions_CleanSource_IsOneLineThatOpensIntoItsTable()
    {
        await Page.SetViewportSizeAsync(1024, 700);
        await Page.GotoAsync("/conventions");
        await Assertions.Expect(Page.GetByTestId("conventions-summary")).ToContainTextAsync("Last hour:");
        // The demo's order service keeps every convention.
        var clean = Page.Locator("[data-testid=conventions-source][data-source='/shop/order-service']");
        await Assertions.Expect(clean).ToHaveAttributeAsync("data-clean", "true");
        await clean.ScrollIntoViewIfNeededAsync();
        await Page.ScreenshotAsync(new() { Path = "/tmp/nav-conventions-clean-1024.png" });
        var box = await clean.BoundingBoxAsync();
        Assert.True(box is { Height: < 48 }, $"a clean source takes one line at 1024 px, not {box?.Height} px");
        await Assertions.Expect(clean).ToContainTextAsync("/shop/order-service: no findings");

        await clean.GetByTestId("conventions-source-expand").ClickAsync();

        await Assertions.Expect(clean.GetByTestId("conventions-row")).ToHaveCountAsync(5);
        await Assertions.Expect(clean.GetByTestId("conventions-source-flagged")).ToHaveTextAsync("all conventions kept");
        await BrowserPages.ScreenshotAsync(Page, "/tmp/nav-conventions-1920.png", 1920, 1080);
        await Page.SetViewportSizeAsync(1280, 760);
    }

    private async Task ScreenshotsAsync(string name)
    {
        await BrowserPages.ScreenshotAsync(Page, $"/tmp/nav-{name}-1024.png", 1024, 700);
        await BrowserPages.ScreenshotAsync(Page, $"/tmp/nav-{name}-1920.png", 1920, 1080);
    }
}
