using Bunit;

using EventObserver.Features.Feed;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Envelopes;

using MudBlazor;

using LiveFeed = EventObserver.Features.Feed.LiveFeed;

namespace EventObserver.Components.Tests.Feed;

/// <summary>What the feed shows around its rows: older pages from the index, how many rows it renders, what it skipped.</summary>
public sealed class LiveFeedViewTests : DashboardTestContext
{
    [Fact]
    public async Task LoadOlder_IndexHasOlderEvents_AppendsTheNextPageAndPauses()
    {
        const int Live = LiveFeed.TopUpFromIndexBelow + 10;
        Indexes.OpenForCluster("c1").Write([.. Enumerable.Range(0, 300).Select(i => TestEnvelopes.Json("orders", i, partition: 1))]);
        Feed.Publish([.. Enumerable.Range(0, Live).Select(i => TestEnvelopes.Json("orders", 1_000 + i, partition: 0))]);
        var page = Render();
        Assert.Equal(Live, page.Instance.Window.Count);

        await ClickOnRendererAsync(page, "[data-testid=load-older]");

        page.WaitForAssertion(() => Assert.Equal(Live + FeedHistory.DefaultPageSize, page.Instance.Window.Count));
        Assert.True(page.Instance.Paused);
        Assert.Equal("orders/1/299", page.Instance.Window.Rows[Live].Id);
        Assert.Equal("orders/1/100", page.Instance.Window.Rows[^1].Id);
        Assert.StartsWith($"Loaded {FeedHistory.DefaultPageSize} older events from the index.", page.Find("[data-testid=history-note]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadOlder_UntilTheIndexIsExhausted_SaysSoAndDisablesTheButton()
    {
        Indexes.OpenForCluster("c1").Write([.. Enumerable.Range(0, 250).Select(i => TestEnvelopes.Json("orders", i))]);
        var page = Render();
        Assert.Equal(FeedHistory.DefaultPageSize, page.Instance.Window.Count);

        await ClickOnRendererAsync(page, "[data-testid=load-older]");

        page.WaitForAssertion(() => Assert.Equal(250, page.Instance.Window.Count));
        Assert.EndsWith("No older events in the index.", page.Find("[data-testid=history-note]").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=load-older]").HasAttribute("disabled"));
    }

    [Fact]
    public void Feed_ManyRowsInTheWindow_RendersOnlyAFewOfThem()
    {
        Feed.Publish([.. Enumerable.Range(0, LiveFeed.InitialRows).Select(i => TestEnvelopes.Json("orders", i))]);

        var page = Render();

        Assert.Equal(LiveFeed.InitialRows, page.Instance.Window.Count);
        Assert.Contains("1,000 rows in view", page.Find("[data-testid=row-count]").TextContent, StringComparison.Ordinal);
        // Without a measured viewport (no browser) Virtualize renders one default screenful plus the overscan.
        var rendered = page.FindAll("[data-testid=feed-row]");
        Assert.InRange(rendered.Count, 1, 200);
        Assert.Equal("orders/0/999", rendered[0].GetAttribute("data-id"));
    }

    [Fact]
    public void Feed_SubscriptionOverflows_ShowsHowManyEventsTheViewSkipped()
    {
        var page = Render();
        Assert.Empty(page.FindAll("[data-testid=feed-dropped]"));

        // One batch past the subscription's capacity: the oldest 25 are dropped before the view reads any.
        Feed.Publish([.. Enumerable.Range(0, page.Instance.Window.Capacity + 25).Select(i => TestEnvelopes.Json("orders", i))]);

        page.WaitForAssertion(() => Assert.Equal(25, page.Instance.Dropped), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Equal("25 skipped by the view", page.Find("[data-testid=feed-dropped]").TextContent.Trim()));
    }

    private IRenderedComponent<LiveFeed> Render()
    {
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<LiveFeed>();

        // A view with few live rows is topped up from the index off the circuit thread.
        page.WaitForState(() => !page.Instance.LoadingHistory);
        return page;
    }
}
