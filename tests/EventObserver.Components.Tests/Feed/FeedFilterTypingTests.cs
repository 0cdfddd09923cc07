using AngleSharp.Dom;

using Bunit;

using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Feed;
using EventObserver.Core.Selection;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

using MudBlazor;

using LiveFeed = EventObserver.Features.Feed.LiveFeed;

namespace EventObserver.Components.Tests.Feed;

/// <summary>Filters entered in the filter bar (not taken from the URL) reach the page's filter, the URL and the rows.</summary>
public sealed class FeedFilterTypingTests : DashboardTestContext
{
    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void FilterBar_TypingSourceAndText_FiltersLiveRowsAndGoesIntoTheUrl()
    {
        var (_, page) = Render();

        Type(page, "filter-source", "svc-a", f => f.Source == "svc-a");
        Type(page, "filter-text", "refund", f => f.Text == "refund");

        Assert.Equal(new EventSelection { Source = "svc-a", Text = "refund" }, EventSelectionQuery.Parse(new Uri(Navigation.Uri).Query));
        Feed.Publish(
        [
            TestEnvelopes.Json("orders", 0, "{\"reason\":\"refund\"}", source: "svc-a"),
            TestEnvelopes.Json("orders", 1, "{\"reason\":\"refund\"}", source: "svc-b"),
            TestEnvelopes.Json("orders", 2, "{\"reason\":\"late\"}", source: "svc-a"),
        ]);
        page.WaitForAssertion(() => Assert.Equal(["orders/0/0"], RowIds(page)));
    }

    [Fact]
    public void FilterBar_ChoosingTopicAndKind_FiltersLiveRowsAndGoesIntoTheUrl()
    {
        Indexes.OpenForCluster("c1").Write([TestEnvelopes.Json("orders", 0), TestEnvelopes.Json("payments", 0)]);
        var (popovers, page) = Render();

        Choose(page, popovers, "filter-topics", "payments", f => f.Topics.SequenceEqual(["payments"]));
        Choose(page, popovers, "filter-kind", "command", f => f.Kind == MessageKind.Command);

        Assert.Equal(new EventSelection { Topics = ["payments"], Kind = MessageKind.Command }, EventSelectionQuery.Parse(new Uri(Navigation.Uri).Query));
        Feed.Publish(
        [
            TestEnvelopes.Json("payments", 1, kind: MessageKind.Command),
            TestEnvelopes.Json("payments", 2, kind: MessageKind.Event),
            TestEnvelopes.Json("orders", 1, kind: MessageKind.Command),
        ]);
        page.WaitForAssertion(() => Assert.Equal(["payments/0/1"], RowIds(page)));
    }

    [Fact]
    public void FilterBar_TypeField_OffersSeenTypesAndFiltersByTheChosenOne()
    {
        Indexes.OpenForCluster("c1").Write([TestEnvelopes.Json("orders", 0, type: "OrderPlaced"), TestEnvelopes.Json("orders", 1, type: "PaymentFailed")]);
        var (popovers, page) = Render();

        page.Find("input[data-testid=filter-type]").Focus();
        popovers.WaitForAssertion(() => Assert.Equal(["OrderPlaced", "PaymentFailed"], Items(popovers)));
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == "PaymentFailed").Click();

        page.WaitForAssertion(() => Assert.Equal(new EventSelection { Type = "PaymentFailed" }, page.Instance.Filter));
        Assert.Equal(new EventSelection { Type = "PaymentFailed" }, EventSelectionQuery.Parse(new Uri(Navigation.Uri).Query));
        page.WaitForAssertion(() => Assert.Equal(["orders/0/1"], RowIds(page)));
    }

    [Fact]
    public async Task FilterBar_TypingATypeNotSeenYet_OffersItAndFiltersOnItWhenChosen()
    {
        var (popovers, page) = Render();

        OnRenderer(page, () => page.Find("input[data-testid=filter-type]").Input("OrderPlaced"));
        string[] expected = ["OrderPlaced"];
        await AdvanceUntilAsync(() => Items(popovers).SequenceEqual(expected), "the suggestions after the autocomplete's own search debounce");
        popovers.FindAll(".mud-list-item").Single().Click();

        page.WaitForAssertion(() => Assert.Equal(new EventSelection { Type = "OrderPlaced" }, page.Instance.Filter));
        Feed.Publish([TestEnvelopes.Json("orders", 0, type: "OrderPlaced"), TestEnvelopes.Json("orders", 1, type: "OrderShipped")]);
        page.WaitForAssertion(() => Assert.Equal(["orders/0/0"], RowIds(page)));
    }

    private static string[] RowIds(IRenderedComponent<LiveFeed> page) =>
        [.. page.FindAll("[data-testid=feed-row]").Select(r => r.GetAttribute("data-id") ?? "")];

    private static string[] Items(IRenderedComponent<MudPopoverProvider> popovers) =>
        [.. popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())];

    private void Type(IRenderedComponent<LiveFeed> page, string testId, string value, Func<EventSelection, bool> applied)
    {
        OnRenderer(page, () => page.Find($"input[data-testid={testId}]").Input(value));
        OnRenderer(page, () => page.Find($"input[data-testid={testId}]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" }));
        page.WaitForAssertion(() => Assert.True(applied(page.Instance.Filter), $"{testId} applied: {Navigation.Uri}"));
    }

    /// <summary>Opens a select as a click would and clicks the item with <paramref name="item"/> as its text.</summary>
    private void Choose(
        IRenderedComponent<LiveFeed> page, IRenderedComponent<MudPopoverProvider> popovers, string testId, string item, Func<EventSelection, bool> applied)
    {
        ControlOf(page, testId).MouseDown();
        popovers.WaitForAssertion(() => Assert.Contains(item, Items(popovers)));
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == item).Click();
        page.WaitForAssertion(() => Assert.True(applied(page.Instance.Filter), $"{testId} applied: {Navigation.Uri}"));
    }

    private static IElement ControlOf(IRenderedComponent<LiveFeed> page, string testId) =>
        page.FindAll(".mud-input-control").Last(c => c.QuerySelector($"[data-testid={testId}]") is not null);

    private (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<LiveFeed> Page) Render()
    {
        var popovers = Context.Render<MudPopoverProvider>();
        var page = Context.Render<LiveFeed>();

        // The types offered include those of the history read from the index off the circuit thread.
        page.WaitForState(() => !page.Instance.LoadingHistory);
        return (popovers, page);
    }
}
