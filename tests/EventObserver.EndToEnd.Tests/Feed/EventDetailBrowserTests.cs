using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;
using EventObserver.Kafka.Embedded;
using EventObserver.TestSupport;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Feed;

public sealed class EventDetailBrowserTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    private const string ScriptPayload = "<script>window.__xss=1</script>";
    private const string ImagePayload = "<img src=x onerror=\"window.__xss=1\">";

    /// <summary>Records what the page writes to the clipboard (the real one needs a user permission headless Chromium lacks).</summary>
    private const string ClipboardStub = """
        window.__copied = [];
        Object.defineProperty(Navigator.prototype, 'clipboard', {
            configurable: true,
            get: () => ({ writeText: async text => { window.__copied.push(text); } }),
        });
        """;

    private IPage Page => fixture.Page;

    [ChromiumFact]
    public async Task Detail_DemoEvent_ShowsEnvelopeHeadersAndJson()
    {
        await FeedPage.OpenAsync(Page, "/?type=OrderPlaced");
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() > 0, "an OrderPlaced row");

        await FeedPage.Rows(Page).First.ClickAsync();

        await Page.WaitForURLAsync(new Regex("/events/orders\\.events/\\d+/\\d+\\?back="));
        await Assertions.Expect(Page.GetByTestId("event-title")).ToContainTextAsync("OrderPlaced");
        await Assertions.Expect(Page.GetByTestId("envelope-fields")).ToContainTextAsync("Correlation id");
        Assert.True(await Page.GetByTestId("header-row").CountAsync() > 0, "the demo event has headers");
        await Assertions.Expect(Page.GetByTestId("json-tree")).ToContainTextAsync("\"orderId\"");
        await Page.GetByTestId("toggle-raw").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("hex-dump")).ToContainTextAsync("00000000");
        await FeedPage.ScreenshotAsync(Page, "/tmp/detail.png");
    }

    [ChromiumFact]
    public async Task Detail_HtmlAndScriptInPayloadKeyAndHeaders_AreShownAsInertText()
    {
        var broker = fixture.App.Services.GetRequiredService<EmbeddedBroker>();
        var topic = MockClusterFixture.UniqueTopic("xss");
        broker.Cluster!.CreateTopic(topic, 1);
        using (var producer = new TestProducer(broker.BootstrapServers))
        {
            producer.Send(
                topic,
                ScriptPayload,
                $"{{\"note\":\"{ScriptPayload}\",\"image\":\"{ImagePayload.Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}",
                ("x-html", ImagePayload),
                ("message-type", ScriptPayload));
            producer.Send(topic, "plain", $"{ImagePayload} {ScriptPayload}", ("x-html", ScriptPayload));
        }

        await FeedPage.OpenAsync(Page, "/?topic=" + topic);
        // A new topic is picked up at the next metadata refresh (seconds).
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() == 2, "the two XSS rows", seconds: 40);
        await Assertions.Expect(FeedPage.Rows(Page).First).ToContainTextAsync(ScriptPayload);
        await AssertInertAsync();

        foreach (var offset in new[] { 0, 1 })
        {
            await Page.GotoAsync($"/events/{topic}/0/{offset}");
            await Assertions.Expect(Page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
            await Assertions.Expect(Page.GetByTestId("headers-table")).ToContainTextAsync(offset == 0 ? ImagePayload : ScriptPayload);
            await Assertions.Expect(Page.GetByTestId("payload")).ToContainTextAsync(ScriptPayload);
            await Assertions.Expect(Page.GetByTestId("payload")).ToContainTextAsync(ImagePayload);
            await Page.GetByTestId("toggle-raw").ClickAsync();
            await Assertions.Expect(Page.GetByTestId("hex-dump")).ToBeVisibleAsync();
            await AssertInertAsync();
            if (offset == 0)
            {
                await FeedPage.ScreenshotAsync(Page, "/tmp/detail-xss.png");
            }
        }
    }

    [ChromiumFact]
    public async Task Detail_CopyPayload_WritesThePayloadToTheClipboard()
    {
        await Page.AddInitScriptAsync(ClipboardStub);
        await FeedPage.OpenAsync(Page, "/?type=OrderPlaced");
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() > 0, "an OrderPlaced row");
        var detail = await FeedPage.Rows(Page).First.GetAttributeAsync("href");
        await Page.GotoAsync("/" + detail);
        await Assertions.Expect(Page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));

        await Page.GetByTestId("copy-payload").ClickAsync();

        await Assertions.Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("Copied payload");
        var copied = await Page.EvaluateAsync<string[]>("() => window.__copied");
        var payload = Assert.Single(copied);
        Assert.Contains("\"orderId\"", payload, StringComparison.Ordinal);
        await Assertions.Expect(Page.GetByTestId("payload")).ToContainTextAsync(payload.Split('\n')[0]);
    }

    private async Task AssertInertAsync()
    {
        Assert.Equal("undefined", await Page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => document.querySelectorAll('img[src=\"x\"]').length"));
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => [...document.scripts].filter(s => s.textContent.includes('__xss')).length"));
    }
}
