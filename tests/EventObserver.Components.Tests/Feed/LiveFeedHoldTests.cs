using System.Text.RegularExpressions;

using Bunit;

using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Features.Feed;

using MudBlazor;

using LiveFeed = EventObserver.Features.Feed.LiveFeed;

namespace EventObserver.Components.Tests.Feed;

/// <summary>The feed holds still while read (issue 18, points 1 and 5); the browser's reports are given as it would.</summary>
public sealed class LiveFeedHoldTests : DashboardTestContext
{
    [Fact]
    public async Task Hold_PointerOnTheList_KeepsTheRowsCountsNewOnesAndAddsThemWhenItLeaves()
    {
        var page = Render();
        Feed.Publish([TestEnvelopes.Json("orders", 0), TestEnvelopes.Json("orders", 1)]);
        page.WaitForAssertion(() => Assert.Equal(2, page.Instance.Window.Count));

        await page.InvokeAsync(() => page.Instance.SetHoldAsync(FeedHold.Pointer));
        Feed.Publish([TestEnvelopes.Json("orders", 2), TestEnvelopes.Json("orders", 3)]);
        await AdvanceUntilAsync(() => page.Instance.NewWhilePaused == 2, "the held batch to be counted");

        page.WaitForAssertion(() => Assert.Equal("2 new events", page.Find("[data-testid=new-events]").TextContent));
        Assert.Equal(["orders/0/1", "orders/0/0"], RowIds(page));
        Assert.Equal("Paused", page.Find("[data-testid=feed-state]").TextContent);
        Assert.Equal("while the pointer is on the list", page.Find("[data-testid=feed-hold-reason]").TextContent);

        await page.InvokeAsync(() => page.Instance.SetHoldAsync(FeedHold.None));

        page.WaitForAssertion(() => Assert.Equal(["orders/0/3", "orders/0/2", "orders/0/1", "orders/0/0"], RowIds(page)));
        Assert.Empty(page.FindAll("[data-testid=new-events]"));
        Assert.Contains("Live", page.Find("[data-testid=feed-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hold_EndsWhileManuallyPaused_StaysPausedUntilResume()
    {
        var page = Render();
        Feed.Publish([TestEnvelopes.Json("orders", 0)]);
        page.WaitForAssertion(() => Assert.Single(RowIds(page)));
        await page.InvokeAsync(() => page.Instance.SetHoldAsync(FeedHold.Focus));
        await ClickOnRendererAsync(page, "[data-testid=feed-resume]");
        await ClickOnRendererAsync(page, "[data-testid=feed-pause]");
        await page.InvokeAsync(() => page.Instance.SetHoldAsync(FeedHold.Scrolled));

        Feed.Publish([TestEnvelopes.Json("orders", 1)]);
        await AdvanceUntilAsync(() => page.Instance.NewWhilePaused == 1, "the paused batch to be counted");
        await page.InvokeAsync(() => page.Instance.SetHoldAsync(FeedHold.None));

        Assert.True(page.Instance.Paused);
        Assert.Equal(["orders/0/0"], RowIds(page));
        Assert.Empty(page.FindAll("[data-testid=feed-hold-reason]"));
        await ClickOnRendererAsync(page, "[data-testid=feed-resume]");
        page.WaitForAssertion(() => Assert.Equal(["orders/0/1", "orders/0/0"], RowIds(page)));
    }

    [Fact]
    public async Task PausedToolbar_WithNewEvents_ShowsTheCountOnce()
    {
        var page = Render();
        Feed.Publish([TestEnvelopes.Json("orders", 0), TestEnvelopes.Json("orders", 1)]);
        page.WaitForAssertion(() => Assert.Equal(2, page.Instance.Window.Count));
        await ClickOnRendererAsync(page, "[data-testid=feed-pause]");

        Feed.Publish([.. Enumerable.Range(2, 7).Select(i => TestEnvelopes.Json("orders", i))]);
        await AdvanceUntilAsync(() => page.Instance.NewWhilePaused == 7, "the paused batch to be counted");

        page.WaitForAssertion(() => Assert.Equal("7 new events", page.Find("[data-testid=new-events]").TextContent));
        Assert.Single(Regex.Matches(page.Find(".eo-feed-toolbar").TextContent, "7"));
    }

    [Fact]
    public void RowCount_OneRow_IsSingular()
    {
        var page = Render();

        Feed.Publish([TestEnvelopes.Json("orders", 0)]);

        page.WaitForAssertion(() => Assert.Equal("1 row in view", page.Find("[data-testid=row-count]").TextContent));
    }

    [Fact]
    public async Task Rows_OneConversationInBatchesOutOfOrder_AreShownNewestFirstByTime()
    {
        var page = Render();
        var at = TestEnvelopes.Epoch.AddSeconds(19);
        Feed.Publish([
            TestEnvelopes.Json("orders", 5, correlationId: "c-1", at: at.AddMilliseconds(318)),
            TestEnvelopes.Json("payments", 2, correlationId: "c-1", at: at.AddMilliseconds(400), partition: 1),
        ]);
        page.WaitForAssertion(() => Assert.Equal(2, page.Instance.Window.Count));

        Feed.Publish([
            TestEnvelopes.Json("shipping", 1, correlationId: "c-1", at: at.AddMilliseconds(450)),
            TestEnvelopes.Json("inventory", 9, correlationId: "c-1", at: at.AddMilliseconds(273), partition: 2),
        ]);
        await AdvanceUntilAsync(() => page.Instance.Window.Count == 4, "the second batch");

        page.WaitForAssertion(() => Assert.Equal(["shipping/0/1", "payments/1/2", "orders/0/5", "inventory/2/9"], RowIds(page)));
    }

    private static string[] RowIds(IRenderedComponent<LiveFeed> page) =>
        [.. page.FindAll("[data-testid=feed-row]").Select(r => r.GetAttribute("data-id") ?? "")];

    private IRenderedComponent<LiveFeed> Render()
    {
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<LiveFeed>();

        // A view with few live rows is topped up from the index off the circuit thread.
        page.WaitForState(() => !page.Instance.LoadingHistory);
        return page;
    }
}
