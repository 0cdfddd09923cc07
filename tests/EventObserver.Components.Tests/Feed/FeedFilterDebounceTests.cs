using System.Collections.Concurrent;

using Bunit;

using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;
using EventObserver.Features.Feed;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

using MudBlazor;

using LiveFeed = EventObserver.Features.Feed.LiveFeed;

namespace EventObserver.Components.Tests.Feed;

/// <summary>Typed filters apply after a short pause (on the fake clock), at once on Enter; the type filters on a chosen type.</summary>
public sealed class FeedFilterDebounceTests : DashboardTestContext
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(10);

    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void FilterBar_TypingText_AppliesOnlyOnceTypingPausesAndSaysItIsApplying()
    {
        var (_, page) = Render();
        var bar = page.FindComponent<FeedFilterBar>();
        var input = page.Find("input[data-testid=filter-key]");

        // The clock moves only once the bar has the keystroke: it arrives through MudBlazor's input asynchronously.
        var taken = bar.Instance.TypingGeneration;
        input.Input("ord");
        page.WaitForAssertion(() => Assert.True(bar.Instance.TypingGeneration > taken), Slow);
        Time.Advance(FeedFilterBar.ApplyDelay - TimeSpan.FromMilliseconds(100));
        taken = bar.Instance.TypingGeneration;
        OnRenderer(page, () => page.Find("input[data-testid=filter-key]").Input("ord-7"));
        page.WaitForAssertion(() => Assert.True(bar.Instance.TypingGeneration > taken), Slow);
        Time.Advance(FeedFilterBar.ApplyDelay - TimeSpan.FromMilliseconds(100));

        Assert.Equal(EventSelection.All, page.Instance.Filter);
        // Generous waits: the timer's callback renders through the dispatcher, slow on a loaded CI machine.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=filter-pending]")), Slow);
        Time.Advance(TimeSpan.FromMilliseconds(100));
        page.WaitForAssertion(() => Assert.Equal(new EventSelection { Key = "ord-7" }, page.Instance.Filter), Slow);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=filter-pending]")), Slow);
    }

    [Fact]
    public void FilterBar_EnterInATextField_AppliesAtOnce()
    {
        var (_, page) = Render();

        OnRenderer(page, () => page.Find("input[data-testid=filter-text]").Input("refund"));
        OnRenderer(page, () => page.Find("input[data-testid=filter-text]").KeyDown(new KeyboardEventArgs { Key = "Enter" }));

        page.WaitForAssertion(() => Assert.Equal(new EventSelection { Text = "refund" }, page.Instance.Filter));
    }

    [Fact]
    public async Task FilterBar_PartOfATypeTyped_SuggestsMatchesAndFiltersOnlyOnTheChosenType()
    {
        Indexes.OpenForCluster("c1").Write(
        [
            TestEnvelopes.Json("payments", 0, type: "PaymentCaptured"),
            TestEnvelopes.Json("payments", 1, type: "PaymentFailed"),
            TestEnvelopes.Json("orders", 0, type: "OrderPaymentFailed"),
        ]);
        var (popovers, page) = Render();

        OnRenderer(page, () => page.Find("input[data-testid=filter-type]").Input("PaymentF"));
        string[] expected = ["PaymentFailed", "OrderPaymentFailed"];
        await AdvanceUntilAsync(() => Items(popovers).SequenceEqual(expected), "the suggestions after the autocomplete's own search debounce");
        Time.Advance(TimeSpan.FromSeconds(2));
        OnRenderer(page, () => page.Find("input[data-testid=filter-type]").Blur());

        Assert.Equal(EventSelection.All, page.Instance.Filter);
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == "PaymentFailed").Click();
        page.WaitForAssertion(() => Assert.Equal(new EventSelection { Type = "PaymentFailed" }, page.Instance.Filter));
        page.WaitForAssertion(() => Assert.Equal(["payments/0/1"], RowIds(page)));
    }

    [Fact]
    public void FilterBar_CollapsedByDefault_CountsActiveFiltersAndTogglesOpen()
    {
        Navigation.NavigateTo("/?type=OrderPlaced&kind=Event");
        var (_, page) = Render();

        var toggle = page.Find("[data-testid=filter-toggle]");
        Assert.Contains("Filters (2 active)", toggle.TextContent, StringComparison.Ordinal);
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.True(page.Find("[data-testid=filter-body]").HasAttribute("hidden"));
        Assert.Equal("kind = event · type = OrderPlaced", page.Find("[data-testid=filter-summary]").TextContent);

        toggle.Click();

        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=filter-body]").HasAttribute("hidden")));
        Assert.Equal("true", page.Find("[data-testid=filter-toggle]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Timeline_FilterChanged_IsRecountedFromTheIndexAndNoRenderShowsTheOldFiltersBars()
    {
        var at = Time.GetUtcNow().AddSeconds(-100);
        Indexes.OpenForCluster("c1").Write(
        [
            TestEnvelopes.Json("orders", 0, type: "OrderPlaced", at: at),
            TestEnvelopes.Json("orders", 1, type: "OrderPlaced", at: at),
            TestEnvelopes.Json("orders", 2, type: "OrderPlaced", at: at),
            TestEnvelopes.Json("payments", 0, type: "PaymentFailed", at: at),
        ]);
        Navigation.NavigateTo("/?type=OrderPlaced");
        var (_, page) = Render();
        page.WaitForAssertion(() => Assert.Equal((false, 3.0), (page.Instance.CountingTimeline, Total(page))), Slow);
        // What each render hands the chart: the filter in force, whether the chart says it is counting, its bars' total.
        var shown = new ConcurrentQueue<(string? Type, bool Counting, double Total)>();
        page.OnAfterRender += (_, _) =>
        {
            var chart = page.FindComponent<FeedTimeline>().Instance;
            shown.Enqueue((page.Instance.Filter.Type, chart.Counting, chart.Snapshot?.ByTopic.Values.Sum(v => v.Sum()) ?? 0));
        };

        Navigation.NavigateTo("/?type=PaymentFailed");
        page.Render(); // as the router does when only the query changes

        // The recount runs off the render thread: retry until the new filter's count is there (3 if it never came).
        page.WaitForAssertion(
            () => Assert.Equal(("PaymentFailed", false, 1.0), (page.Instance.Filter.Type, page.Instance.CountingTimeline, Total(page))),
            Slow);
        Assert.Equal(["payments"], page.Instance.Counter.Snapshot(Time.GetUtcNow()).ByTopic.Keys);
        // The old live subscription stops before the new count starts; meanwhile the chart says it is counting, never
        // shows the old filter's bars as the new filter's.
        Assert.NotEmpty(shown);
        Assert.DoesNotContain(shown, s => s.Type == "PaymentFailed" && !s.Counting && s.Total == 3);
    }

    private double Total(IRenderedComponent<LiveFeed> page) =>
        page.Instance.Counter.Snapshot(Time.GetUtcNow()).ByTopic.Values.Sum(v => v.Sum());

    private static string[] RowIds(IRenderedComponent<LiveFeed> page) =>
        [.. page.FindAll("[data-testid=feed-row]").Select(r => r.GetAttribute("data-id") ?? "")];

    private static string[] Items(IRenderedComponent<MudPopoverProvider> popovers) =>
        [.. popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())];

    private (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<LiveFeed> Page) Render()
    {
        var popovers = Context.Render<MudPopoverProvider>();
        var page = Context.Render<LiveFeed>();
        page.WaitForState(() => !page.Instance.LoadingHistory && !page.Instance.CountingTimeline, TimeSpan.FromSeconds(10));
        return (popovers, page);
    }
}
