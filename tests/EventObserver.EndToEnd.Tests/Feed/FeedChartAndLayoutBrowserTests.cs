using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Feed;

/// <summary>
/// The Live feed's chart describes the chosen filter, from the index (history before the tab opened included), and the
/// page fits a 1024x700 screen. The live feed's ring buffer is kept tiny here, so older counts can only come from the index.
/// </summary>
public sealed class FeedChartAndLayoutBrowserTests : IAsyncLifetime
{
    private const string Type = "PlaceOrder";

    private readonly LiveAppFactory _app = new(web => web.UseSetting("EventObserver:Feed:Capacity", "100"));
    private BrowserSession? _browser;

    private IPage Page => (_browser ?? throw new InvalidOperationException($"{ChromiumFactAttribute.ChromiumPath} is missing")).Page;

    public async Task InitializeAsync()
    {
        if (File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            _app.StartServer();
            _browser = await BrowserSession.StartAsync(_app.BaseAddress);
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    [ChromiumFact]
    public async Task Timeline_TypeChosenFromSuggestions_BarsCountThatTypeFromTheIndexAndABarLoadsItsEvents()
    {
        // Arrange: at least 30 s of PlaceOrder history in the index before the tab opens.
        using var client = _app.CreateClient();
        await BrowserPages.WaitForAsync(
            async () => (await TimestampsAsync(client, $"/api/events?type={Type}&limit=1000")) is { Length: > 0 } ts
                && ts.Min() < DateTimeOffset.UtcNow.AddSeconds(-30).ToUnixTimeMilliseconds(),
            "30 s of PlaceOrder history in the index",
            seconds: 90);
        var openedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await FeedPage.OpenAsync(Page);
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() > 0, "the first rows");

        // Act: open the filters, type part of the type and choose it from the suggestions.
        await Page.GetByTestId("filter-toggle").ClickAsync();
        await Page.Locator("input[data-testid=filter-type]").FillAsync("PlaceOr");
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = Type }).First.ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($"type={Type}"));
        await Assertions.Expect(Page.GetByTestId("feed-timeline")).ToHaveAttributeAsync("data-counting", "false");

        // Assert: settled bars (older than 10 s) hold exactly the index's PlaceOrder events of their 5 s.
        var bars = await BarsAsync();
        var settled = bars.Where(b => b.End < DateTimeOffset.UtcNow.AddSeconds(-10).ToUnixTimeMilliseconds()).ToList();
        var from = DateTimeOffset.FromUnixTimeMilliseconds(settled[0].Start).ToString("o", CultureInfo.InvariantCulture);
        var to = DateTimeOffset.FromUnixTimeMilliseconds(settled[^1].End - 1).ToString("o", CultureInfo.InvariantCulture);
        var indexed = await TimestampsAsync(client, $"/api/events?type={Type}&limit=1000&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}");
        Assert.All(settled, b => Assert.Equal(indexed.Count(ts => ts >= b.Start && ts < b.End), b.Count));
        Assert.Contains(settled, b => b.End <= openedAt && b.Count > 0);
        // The peak against the bars of the same moment, read in one look at the page: live events change both, and a
        // CI run read the bars (highest 17) and, a render later, the peak of other bars (3.0/s).
        var chart = await Page.EvaluateAsync<JsonElement>(
            """
            () => ({
              highest: Math.max(...[...document.querySelectorAll('[data-testid=timeline-bar]')].map(b => Number(b.dataset.count))),
              peak: document.querySelector('[data-testid=timeline-peak]')?.textContent ?? ''
            })
            """);
        var highest = chart.GetProperty("highest").GetDouble();
        var peak = double.Parse(Regex.Match(chart.GetProperty("peak").GetString() ?? "", @"[\d.]+").Value, CultureInfo.InvariantCulture);
        Assert.InRange(peak, highest / 5.0 - 0.05, highest / 5.0 + 0.05);

        // A bar with events loads those events.
        var chosen = settled.Last(b => b.Count > 0);
        await Page.Locator($"[data-testid=timeline-bar][data-start='{chosen.Start}']").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("feed-state")).ToHaveTextAsync("Paused");
        await FeedPage.WaitForAsync(
            async () => (await RowTimestampsAsync()).Count(ts => ts >= chosen.Start && ts < chosen.End) == chosen.Count,
            $"the bar's {chosen.Count} events among the rows");
        await FeedPage.ScreenshotAsync(Page, "/tmp/feed-timeline-filtered.png");
    }

    [ChromiumFact]
    public async Task Feed_At1024x700_FitsWithoutSidewaysScrollAndShowsAtLeastEightRows()
    {
        await Page.SetViewportSizeAsync(1024, 700);
        await FeedPage.OpenAsync(Page);
        await FeedPage.WaitForAsync(async () => await FeedPage.Rows(Page).CountAsync() >= 12, "a dozen rows");
        // Measure the settled page: the chart's bars arrive after the first rows and take their height then.
        await FeedPage.WaitForAsync(async () => await Page.GetByTestId("timeline-bar").CountAsync() > 0, "the chart's bars");
        await Assertions.Expect(Page.GetByTestId("timeline-counting")).ToHaveCountAsync(0);

        var layout = await Page.EvaluateAsync<JsonElement>(
            """
            () => {
              const bar = document.querySelector('[data-testid=status-bar]');
              const limit = bar ? bar.getBoundingClientRect().top : window.innerHeight;
              const rows = [...document.querySelectorAll('[data-testid=feed-row]')]
                .filter(r => { const b = r.getBoundingClientRect(); return b.top >= 0 && b.bottom <= limit + 0.5; });
              return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, rows: rows.length };
            }
            """);

        await Page.ScreenshotAsync(new() { Path = "/tmp/feed-1024x700.png" });
        Assert.True(
            layout.GetProperty("scrollWidth").GetInt32() <= layout.GetProperty("clientWidth").GetInt32(),
            $"the page scrolls sideways: {layout}");
        Assert.True(layout.GetProperty("rows").GetInt32() >= 8, $"fewer than 8 rows in the viewport: {layout}");
        Assert.Equal("false", await Page.GetByTestId("filter-toggle").GetAttributeAsync("aria-expanded"));
        await Page.SetViewportSizeAsync(1920, 1080);
        await Page.ScreenshotAsync(new() { Path = "/tmp/feed-1920x1080.png" });
    }

    private static async Task<long[]> TimestampsAsync(HttpClient client, string url) =>
        [.. ((await client.GetFromJsonAsync<JsonElement[]>(url)) ?? []).Select(e => e.GetProperty("timestamp").GetDateTimeOffset().ToUnixTimeMilliseconds())];

    private async Task<List<long>> RowTimestampsAsync() =>
        [.. await FeedPage.Rows(Page).EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.ts))")];

    private async Task<List<(long Start, long End, long Count)>> BarsAsync()
    {
        var bars = await Page.GetByTestId("timeline-bar").EvaluateAllAsync<long[][]>(
            "bars => bars.map(b => [Number(b.dataset.start), Number(b.dataset.at), Number(b.dataset.count)])");
        return [.. bars.Select(b => (b[0], b[1], b[2]))];
    }
}
