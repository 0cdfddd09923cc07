using System.Diagnostics;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Feed;

/// <summary>
/// Issue 18, point 1: while the user points at the list, has scrolled it down or has a row focused, the live feed holds
/// still (events keep arriving and are counted) and resumes at the top when that ends.
/// </summary>
public sealed class LiveFeedHoldBrowserTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    /// <summary>How long a held row must keep its event (the walk-through saw 8 changes in 2 s).</summary>
    private static readonly TimeSpan Observed = TimeSpan.FromSeconds(2);

    private const string RowAtPointScript =
        "({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid=feed-row]')?.dataset.id ?? null";

    private IPage Page => fixture.Page;

    [ChromiumFact]
    public async Task Feed_PointerOnARow_RowUnderThePointerKeepsItsEventWhileNewOnesAreCounted()
    {
        await OpenWithRowsAsync(20);
        var (x, y) = await PointInListAsync(row: 3);

        await Page.Mouse.MoveAsync((float)x, (float)y);

        await ExpectHeldAsync("Pointer");
        await AssertRowKeepsItsEventAsync(() => Page.EvaluateAsync<string?>(RowAtPointScript, new { x, y }), "the row under the pointer");
        var topWhileHeld = await FeedPage.FirstRowIdAsync(Page);
        await Page.Mouse.MoveAsync(5, 5);
        await Assertions.Expect(Page.GetByTestId("feed-state")).ToHaveTextAsync("Live");
        await Assertions.Expect(Page.GetByTestId("new-events")).ToHaveCountAsync(0);
        await FeedPage.WaitForAsync(async () => await FeedPage.FirstRowIdAsync(Page) != topWhileHeld, "the rows that arrived meanwhile on top");
    }

    [ChromiumFact]
    public async Task Feed_RowFocusedWithTheKeyboard_IsHighlightedHeldAndEnterOpensThatEvent()
    {
        await OpenWithRowsAsync(20);
        await Page.Mouse.MoveAsync(5, 5);

        // Tab from the toolbar into the list, then down two rows with the arrow key.
        await Page.GetByTestId("feed-clear").FocusAsync();
        await Page.Keyboard.PressAsync("Tab");
        await ExpectHeldAsync("Focus");
        var entered = await FocusedRowIdAsync();
        Assert.NotNull(entered);
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("ArrowDown");
        var focused = await FocusedRowIdAsync();
        Assert.NotNull(focused);
        Assert.Equal(entered, await Page.EvaluateAsync<string?>("() => document.activeElement.previousElementSibling.previousElementSibling.dataset.id"));
        Assert.Equal("solid", await Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await AssertRowKeepsItsEventAsync(FocusedRowIdAsync, "the focused row");
        await ScreenshotsAsync("focused");

        await Page.Keyboard.PressAsync("Enter");

        await Page.WaitForURLAsync(new Regex("/events/" + Regex.Escape(focused) + "$"));
        await Assertions.Expect(Page.GetByTestId("event-id")).ToHaveTextAsync(focused);
    }

    [ChromiumFact]
    public async Task Feed_ScrolledDown_HoldsUntilScrolledBackToTheTop()
    {
        await OpenWithRowsAsync(60);
        await Page.Mouse.MoveAsync(5, 5);
        var body = Page.GetByTestId("feed-body");

        await body.EvaluateAsync("b => { b.scrollTop = 640; }");

        await ExpectHeldAsync("Scrolled");
        var (x, y) = await PointInListAsync(row: 2);
        await AssertRowKeepsItsEventAsync(() => Page.EvaluateAsync<string?>(RowAtPointScript, new { x, y }), "the row at a fixed point of the scrolled list");
        var topWhileHeld = await FeedPage.FirstRowIdAsync(Page);
        await body.EvaluateAsync("b => { b.scrollTop = 0; }");
        await Assertions.Expect(Page.GetByTestId("feed-state")).ToHaveTextAsync("Live");
        await FeedPage.WaitForAsync(async () => await FeedPage.FirstRowIdAsync(Page) != topWhileHeld, "new rows on top after scrolling back");
        Assert.Equal(0, await body.EvaluateAsync<double>("b => b.scrollTop"));
    }

    /// <summary>Opens the feed once it holds that many rows (only the visible ones and a few more are rendered).</summary>
    private async Task OpenWithRowsAsync(int rows)
    {
        await FeedPage.OpenAsync(Page);
        await FeedPage.WaitForAsync(async () => await RowsInViewAsync() >= rows, $"at least {rows} rows in view");
        await Assertions.Expect(Page.GetByTestId("feed-state")).ToHaveTextAsync("Live");

        // The chart above the list grows when its first bars arrive: a fixed point is measured once the list stays put.
        await Assertions.Expect(Page.GetByTestId("timeline-bar").First).ToBeAttachedAsync();
        double? top = null;
        await FeedPage.WaitForAsync(
            async () =>
            {
                var now = (await Page.GetByTestId("feed-body").BoundingBoxAsync())?.Y;
                var settled = now is not null && now == top;
                top = now;
                return settled;
            },
            "the list to stay in place");
    }

    private async Task<int> RowsInViewAsync()
    {
        var text = await Page.GetByTestId("row-count").TextContentAsync() ?? "";
        return int.Parse(Regex.Match(text, "^[0-9,]+").Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The middle of the given row slot of the list's visible area (counted from 0).</summary>
    private async Task<(double X, double Y)> PointInListAsync(int row)
    {
        var box = await Page.GetByTestId("feed-body").BoundingBoxAsync() ?? throw new InvalidOperationException("The list is not shown.");
        return (box.X + (box.Width / 3), box.Y + (32 * row) + 16);
    }

    private async Task ExpectHeldAsync(string reason)
    {
        await Assertions.Expect(Page.GetByTestId("feed-state")).ToHaveTextAsync("Paused");
        await Assertions.Expect(Page.GetByTestId("feed-state")).ToHaveAttributeAsync("data-hold", new Regex(reason));
    }

    private Task<string?> FocusedRowIdAsync() =>
        Page.EvaluateAsync<string?>("() => document.activeElement?.closest('[data-testid=feed-row]')?.dataset.id ?? null");

    /// <summary>
    /// Samples the row for at least <see cref="Observed"/> and until the new-events badge has grown twice (so events
    /// did arrive meanwhile): it must show the same event every time.
    /// </summary>
    private async Task AssertRowKeepsItsEventAsync(Func<Task<string?>> row, string what)
    {
        var first = await row();
        Assert.NotNull(first);
        var countAtStart = await FeedPage.NewEventsAsync(Page);
        var growths = 0;
        var lastCount = countAtStart;
        var samples = 0;
        var watch = Stopwatch.StartNew();
        await FeedPage.WaitForAsync(
            async () =>
            {
                var now = await row();
                Assert.Equal(first, now);
                samples++;
                var count = await FeedPage.NewEventsAsync(Page);
                growths += count > lastCount ? 1 : 0;
                lastCount = count;
                return watch.Elapsed >= Observed && growths >= 2;
            },
            $"{what} held for {Observed.TotalSeconds} s while events arrive");
        Assert.True(samples >= 5, $"{what} sampled {samples} times");
        Assert.True(lastCount > countAtStart, $"the badge grew from {countAtStart} to {lastCount}");
    }

    private async Task ScreenshotsAsync(string name)
    {
        foreach (var (width, height) in new[] { (1024, 700), (1920, 1080) })
        {
            await Page.SetViewportSizeAsync(width, height);
            await Page.ScreenshotAsync(new() { Path = $"/tmp/feedlive/{name}-{width}x{height}.png" });
        }

        await Page.SetViewportSizeAsync(1280, 760);
    }
}
