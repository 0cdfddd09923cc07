using Bunit;

using EventObserver.Features.Feed;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;

using LiveFeed = EventObserver.Features.Feed.LiveFeed;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

using MudBlazor;

namespace EventObserver.Components.Tests.Feed;

public sealed class LiveFeedPageTests : DashboardTestContext
{
    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void LiveFeed_FilterInTheUrl_ShowsOnlyMatchingLiveEvents()
    {
        Navigation.NavigateTo("/?correlationId=c-1&kind=Event");
        var page = Render();

        Feed.Publish(
        [
            TestEnvelopes.Json("orders", 0, correlationId: "c-1"),
            TestEnvelopes.Json("orders", 1, correlationId: "c-2"),
            TestEnvelopes.Json("payments", 0, correlationId: "c-1", kind: MessageKind.Command),
            TestEnvelopes.Json("payments", 1, correlationId: "c-1"),
        ]);

        Assert.Equal(new EventSelection { CorrelationId = "c-1", Kind = MessageKind.Event }, page.Instance.Filter);
        page.WaitForAssertion(() => Assert.Equal(["payments/0/1", "orders/0/0"], RowIds(page)));
        Assert.Equal("c-1", page.Find("[data-testid=filter-correlation]").GetAttribute("value"));
    }

    [Fact]
    public void LiveFeed_EnteringFilters_PutsThemInTheUrlAndResubscribes()
    {
        var page = Render();

        // MudBlazor reports a changed value asynchronously: wait for each before the next.
        Enter(page, "filter-key", "ord-7", f => f.Key == "ord-7");
        Enter(page, "filter-header-name", "x-tenant", f => f.HeaderName == "x-tenant");
        Enter(page, "filter-header-value", "acme", f => f.HeaderValue == "acme");

        var expected = new EventSelection { Key = "ord-7", HeaderName = "x-tenant", HeaderValue = "acme" };
        Assert.Equal(expected, EventSelectionQuery.Parse(new Uri(Navigation.Uri).Query));
        Feed.Publish(
        [
            TestEnvelopes.Json("orders", 0, key: "ord-7", headers: ("x-tenant", "acme")),
            TestEnvelopes.Json("orders", 1, key: "ord-7", headers: ("x-tenant", "other")),
            TestEnvelopes.Json("orders", 2, key: "ord-8", headers: ("x-tenant", "acme")),
        ]);
        page.WaitForAssertion(() => Assert.Equal(["orders/0/0"], RowIds(page)));
    }

    [Fact]
    public async Task LiveFeed_ResetFilters_ClearsTheUrl()
    {
        Navigation.NavigateTo("/?type=OrderPlaced&q=refund");
        var page = Render();

        // Found and clicked in one dispatch: the timeline's recount from the index can re-render the bar in between.
        await ClickOnRendererAsync(page, "[data-testid=filter-reset]");

        Assert.Equal(EventSelection.All, EventSelectionQuery.Parse(new Uri(Navigation.Uri).Query));
    }

    [Fact]
    public async Task LiveFeed_PausedWhileEventsArrive_BadgeCountsThemAndResumeShowsThem()
    {
        var page = Render();
        Feed.Publish([TestEnvelopes.Json("orders", 0), TestEnvelopes.Json("orders", 1)]);
        page.WaitForAssertion(() => Assert.Equal(2, page.Instance.Window.Count));

        await ClickOnRendererAsync(page, "[data-testid=feed-pause]");
        Feed.Publish([TestEnvelopes.Json("orders", 2), TestEnvelopes.Json("orders", 3), TestEnvelopes.Json("orders", 4)]);
        await AdvanceUntilAsync(() => page.Instance.NewWhilePaused == 3, "the paused batch to be counted");

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid=new-events]").GetAttribute("data-count")));
        Assert.Equal(["orders/0/1", "orders/0/0"], RowIds(page));
        Feed.Publish([TestEnvelopes.Json("orders", 5)]);
        await AdvanceUntilAsync(() => page.Instance.NewWhilePaused == 4, "the next paused batch to be counted");
        page.WaitForAssertion(() => Assert.Equal(4, page.Instance.NewWhilePaused));

        await ClickOnRendererAsync(page, "[data-testid=feed-resume]");

        // The pump's flush renders off the test thread, so the resumed render can trail the click.
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-testid=new-events]"));
            Assert.Equal(0, page.Instance.NewWhilePaused);
            Assert.Equal(["orders/0/5", "orders/0/4", "orders/0/3", "orders/0/2", "orders/0/1", "orders/0/0"], RowIds(page));
        });
    }

    [Fact]
    public async Task LiveFeed_ThousandEventsInManyBatches_RenderOnlyOncePerInterval()
    {
        var page = Render();
        Feed.Publish([TestEnvelopes.Json("orders", 0)]);
        page.WaitForAssertion(() => Assert.Equal(1, page.Instance.Window.Count));
        var rendersBefore = page.RenderCount;

        for (var batch = 0; batch < 100; batch++)
        {
            Feed.Publish([.. Enumerable.Range(1 + batch * 10, 10).Select(i => TestEnvelopes.Json("orders", i))]);
        }

        // The clock has not moved: the pump holds everything until the interval has passed.
        Assert.Equal(1, page.Instance.Window.Count);
        await AdvanceUntilAsync(() => page.Instance.Window.Count == 1001, "the held events to be flushed");

        page.WaitForAssertion(() => Assert.Equal(1001, page.Instance.Window.Count));
        Assert.InRange(page.RenderCount - rendersBefore, 1, 2);
    }

    [Fact]
    public async Task LiveFeed_Clear_EmptiesTheViewAndLiveRowsContinue()
    {
        var page = Render();
        Feed.Publish([TestEnvelopes.Json("orders", 0)]);
        page.WaitForAssertion(() => Assert.Single(RowIds(page)));

        await ClickOnRendererAsync(page, "[data-testid=feed-clear]");
        page.WaitForAssertion(() => Assert.Empty(RowIds(page)));
        Feed.Publish([TestEnvelopes.Json("orders", 1)]);
        await AdvanceUntilAsync(() => page.Instance.Window.Count == 1, "the live row after the clear");

        page.WaitForAssertion(() => Assert.Equal(["orders/0/1"], RowIds(page)));
    }

    [Fact]
    public void LiveFeed_SourceFilterOverIndexedHistory_LoadsMatchesAndSaysItScanned()
    {
        Indexes.OpenForCluster("c1").Write(
        [
            TestEnvelopes.Json("orders", 0, source: "svc-a"),
            TestEnvelopes.Json("orders", 1, source: "svc-b"),
            TestEnvelopes.Json("orders", 2, source: "svc-a"),
        ]);
        Navigation.NavigateTo("/?source=svc-a");

        var page = Render();

        Assert.Equal(["orders/0/2", "orders/0/0"], RowIds(page));
        Assert.Contains("not indexed", page.Find("[data-testid=history-note]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LiveFeed_Rows_CarryTimestampIdAndKindForEachEvent()
    {
        var page = Render();
        var at = TestEnvelopes.Epoch.AddSeconds(5);

        Feed.Publish([TestEnvelopes.Json("shop.orders", 42, type: "PlaceOrder", kind: MessageKind.Command, partition: 3, at: at, key: "k-1", correlationId: "0123456789abcdef")]);

        page.WaitForAssertion(() => Assert.Single(RowIds(page)));
        var row = page.Find("[data-testid=feed-row]");
        Assert.Equal(at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetAttribute("data-ts"));
        Assert.Equal("events/shop.orders/3/42", row.GetAttribute("href"));
        Assert.Equal("Command", row.QuerySelector("[data-kind]")!.GetAttribute("data-kind"));
        Assert.Contains("01234567", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveFeed_TimelineBarClicked_PausesAndShowsHistoryUpToThatMoment()
    {
        var now = Time.GetUtcNow();
        EventObserver.Core.Envelopes.EventEnvelope[] events =
        [
            TestEnvelopes.Json("orders", 0, at: now.AddSeconds(-40)),
            TestEnvelopes.Json("orders", 1, at: now.AddSeconds(-20)),
            TestEnvelopes.Json("orders", 2, at: now.AddSeconds(-2)),
        ];
        Indexes.OpenForCluster("c1").Write(events);
        Feed.Publish(events);
        Time.Advance(TimeSpan.FromSeconds(1));
        var page = Render();
        Time.Advance(LiveFeed.RefreshPeriod);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=timeline-bar]")));

        // The first bar ending after the middle event and before the newest one: history up to its end.
        var bar = page.FindAll("[data-testid=timeline-bar]")
            .Select(b => (Element: b, End: long.Parse(b.GetAttribute("data-at")!, System.Globalization.CultureInfo.InvariantCulture)))
            .Where(b => b.End > now.AddSeconds(-20).ToUnixTimeMilliseconds())
            .MinBy(b => b.End);
        Assert.True(bar.End < now.AddSeconds(-2).ToUnixTimeMilliseconds());
        await bar.Element.ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal(["orders/0/1", "orders/0/0"], RowIds(page)));
        Assert.True(page.Instance.Paused);
        Assert.Contains("History up to", page.Find("[data-testid=history-note]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LiveFeed_TextLongerThanTheLimitInTheUrl_IsLeftOutAndTheFilterBarSaysWhy()
    {
        Navigation.NavigateTo($"/?type=OrderPlaced&q={new string('a', EventSelection.MaxTextLength + 1)}");

        var page = Render();

        Assert.Equal(new EventSelection { Type = "OrderPlaced" }, page.Instance.Filter);
        Assert.Contains($"at most {EventSelection.MaxTextLength} are allowed", page.Find("[data-testid=filter-problems]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LiveFeed_EnteringTextLongerThanTheLimit_KeepsTheFilterAndSaysWhy()
    {
        var page = Render();
        Enter(page, "filter-key", "ord-7", f => f.Key == "ord-7");

        OnRenderer(page, () => page.Find("input[data-testid=filter-text]").Input(new string('a', EventSelection.MaxTextLength + 1)));
        OnRenderer(page, () => page.Find("input[data-testid=filter-text]").Blur());

        page.WaitForAssertion(() => Assert.Contains($"at most {EventSelection.MaxTextLength} are allowed", page.Markup, StringComparison.Ordinal));
        Assert.Equal(new EventSelection { Key = "ord-7" }, page.Instance.Filter);
        Assert.Equal(new EventSelection { Key = "ord-7" }, EventSelectionQuery.Parse(new Uri(Navigation.Uri).Query));
        Enter(page, "filter-text", new string('a', EventSelection.MaxTextLength), f => f.Text?.Length == EventSelection.MaxTextLength);
        Assert.DoesNotContain("are allowed", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void LiveFeed_IngestionBehind_SaysByHowMuchAndSinceWhen()
    {
        Ingestion.BrokerState = Kafka.Ingestion.BrokerState.Connected;
        Ingestion.SetLag(new Dictionary<string, long> { ["orders"] = 25_000 });
        var since = Time.GetUtcNow();

        var page = Render();

        Assert.Equal($"Behind by 25,000 messages since {since:HH:mm:ss} UTC", page.Find("[data-testid=feed-behind]").TextContent);
    }

    [Fact]
    public void LiveFeed_IngestionKeepingUp_HasNoBehindNotice()
    {
        Ingestion.SetLag(new Dictionary<string, long> { ["orders"] = 40 });

        var page = Render();

        Assert.Empty(page.FindAll("[data-testid=feed-behind]"));
    }

    [Fact]
    public void LiveFeed_SchemaEncodedEvents_ShowAFormatBadgeAndAStatusBadgeWhenNotDecoded()
    {
        var page = Render();

        Feed.Publish(
        [
            DecodedEnvelopes.Value(0, "{\"orderId\":\"o-1\"}", DecodedEnvelopes.Avro()),
            DecodedEnvelopes.Value(1, null, DecodedEnvelopes.Avro(Core.Decoding.Schemas.DecodeStatus.SchemaUnavailable, "registry timeout")),
            TestEnvelopes.Json("orders", 2),
        ]);

        page.WaitForAssertion(() => Assert.Equal(3, RowIds(page).Length));
        var rows = page.FindAll("[data-testid=feed-row]").ToDictionary(r => r.GetAttribute("data-id")!);
        Assert.Equal("Avro", rows["payments/0/0"].QuerySelector("[data-testid=feed-format]")!.TextContent);
        Assert.Null(rows["payments/0/0"].QuerySelector("[data-testid=feed-decode-status]"));
        Assert.Contains("{\"orderId\":\"o-1\"}", rows["payments/0/0"].TextContent, StringComparison.Ordinal);
        Assert.Equal("schema unavailable", rows["payments/0/1"].QuerySelector("[data-testid=feed-decode-status]")!.TextContent);
        Assert.Null(rows["orders/0/2"].QuerySelector("[data-testid=feed-format]"));
    }

    private static string[] RowIds(IRenderedComponent<LiveFeed> page) =>
        [.. page.FindAll("[data-testid=feed-row]").Select(r => r.GetAttribute("data-id") ?? "")];

    private void Enter(IRenderedComponent<LiveFeed> page, string testId, string value, Func<EventSelection, bool> applied)
    {
        OnRenderer(page, () => page.Find($"input[data-testid={testId}]").Input(value));
        OnRenderer(page, () => page.Find($"input[data-testid={testId}]").KeyDown(new KeyboardEventArgs { Key = "Enter" }));
        page.WaitForAssertion(() => Assert.True(applied(page.Instance.Filter), $"{testId} applied: {Navigation.Uri}"));
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
