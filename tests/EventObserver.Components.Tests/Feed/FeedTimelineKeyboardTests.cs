using Bunit;

using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Features.Feed;

using Microsoft.AspNetCore.Components;

namespace EventObserver.Components.Tests.Feed;

/// <summary>Timeline bars are buttons for keyboard and screen-reader users too (issue 18, point 15).</summary>
public sealed class FeedTimelineKeyboardTests : DashboardTestContext
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Bars_Rendered_AreNamedButtonsWithOneTabStopOnTheNewest()
    {
        var timeline = RenderTimeline(_ => { });

        var bars = timeline.FindAll("[data-testid=timeline-bar]");

        Assert.Equal(12, bars.Count);
        Assert.All(bars, bar => Assert.Equal("button", bar.GetAttribute("role")));
        Assert.Equal([.. Enumerable.Repeat("-1", 11), "0"], bars.Select(b => b.GetAttribute("tabindex")));
        Assert.Equal("11:59:55–12:00:00 UTC · 10 events (2.0/s): show the history up to here", bars[^1].GetAttribute("aria-label"));
        Assert.Equal("group", timeline.Find("svg.eo-timeline-svg").GetAttribute("role"));
    }

    [Fact]
    public void Bar_ArrowLeftThenHome_MovesFocusAndTheTabStop()
    {
        var timeline = RenderTimeline(_ => { });

        timeline.FindAll("[data-testid=timeline-bar]")[^1].KeyDown("ArrowLeft");

        Assert.Equal("0", timeline.FindAll("[data-testid=timeline-bar]")[10].GetAttribute("tabindex"));
        Assert.Equal("-1", timeline.FindAll("[data-testid=timeline-bar]")[11].GetAttribute("tabindex"));

        timeline.FindAll("[data-testid=timeline-bar]")[10].KeyDown("Home");

        Assert.Equal("0", timeline.FindAll("[data-testid=timeline-bar]")[0].GetAttribute("tabindex"));
        Context.JSInterop.VerifyFocusAsyncInvoke(calledTimes: 2);
    }

    [Theory]
    [InlineData("Enter")]
    [InlineData(" ")]
    public void Bar_EnterOrSpace_SelectsItsMomentLikeAClick(string key)
    {
        var selected = new List<DateTimeOffset>();
        var timeline = RenderTimeline(selected.Add);

        timeline.FindAll("[data-testid=timeline-bar]")[^1].KeyDown(key);

        // As a click: the bar's last millisecond, so the history loaded starts with the bar's own events.
        Assert.Equal([Now.AddMilliseconds(-1)], selected);
    }

    [Fact]
    public void Bar_OtherKey_SelectsNothing()
    {
        var selected = new List<DateTimeOffset>();
        var timeline = RenderTimeline(selected.Add);

        timeline.FindAll("[data-testid=timeline-bar]")[^1].KeyDown("Tab");

        Assert.Empty(selected);
    }

    private IRenderedComponent<FeedTimeline> RenderTimeline(Action<DateTimeOffset> selected)
    {
        var counter = new SecondCounter(seconds: 60);
        counter.Record(Enumerable.Range(0, 10).Select(i => TestEnvelopes.Json("orders", i, at: Now.AddSeconds(-3))));

        return Context.Render<FeedTimeline>(p => p
            .Add(c => c.Snapshot, counter.Snapshot(Now))
            .Add(c => c.MomentSelected, EventCallback.Factory.Create(this, selected)));
    }
}
