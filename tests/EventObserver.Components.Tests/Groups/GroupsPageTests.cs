using Bunit;

using EventObserver.Access;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Features.Groups;
using EventObserver.TestSupport.Access;

using static EventObserver.TestSupport.GroupPages.GroupSamples;

namespace EventObserver.Components.Tests.Groups;

public sealed class GroupsPageTests : GroupsTestContext
{
    private const string FilterBox = "input[data-testid=groups-filter], [data-testid=groups-filter] input";
    private const string LaggingOnly = "input[data-testid=groups-lagging-only], [data-testid=groups-lagging-only] input";
    private const string KnownByName = "groups known by name: the embedded broker cannot list groups";

    [Fact]
    public void GroupsPage_Snapshot_ShowsEachGroupWithStateMembersLagTimeLagSparklineAndTheSource()
    {
        var now = Time.GetUtcNow();
        View.Current = Snapshot(now.AddSeconds(-3), KnownByName,
            Group("billing", GroupState.Stable, [Partition("orders", 0, 95, 100, TimeSpan.FromSeconds(4))], [Member("billing-1", "/10.0.0.5", new TopicPartitionKey("orders", 0))]),
            Group("analytics", GroupState.Empty, [Partition("orders", 0, 10, 100, TimeSpan.FromSeconds(130))], membersKnown: false));
        View.SetHistory("analytics", new LagSample(now.AddMinutes(-20), 40, 60), new LagSample(now.AddMinutes(-10), 70, 100), new LagSample(now, 90, 130));

        var page = Context.Render<GroupsPage>();

        Assert.Equal(["analytics", "billing"], page.FindAll("[data-testid=group-name]").Select(a => a.TextContent));
        Assert.Equal(["groups/analytics", "groups/billing"], page.FindAll("[data-testid=group-name]").Select(a => a.GetAttribute("href")));
        Assert.Equal(["—", "1"], page.FindAll("[data-testid=group-members]").Select(td => td.TextContent.Trim()));
        Assert.Equal(["90", "5"], page.FindAll("[data-testid=group-lag]").Select(td => td.TextContent.Trim()));
        Assert.Equal(["2 min 10 s", "4 s"], page.FindAll("[data-testid=group-time-lag]").Select(td => td.TextContent.Trim()));
        Assert.Equal(["Empty", "Stable"], page.FindAll("[data-testid=group-state]").Select(c => c.GetAttribute("data-state")));
        Assert.Contains(KnownByName, page.Find("[data-testid=groups-source]").TextContent, StringComparison.Ordinal);
        Assert.Equal("3 s ago", page.Find("[data-testid=groups-refreshed]").TextContent);
        var sparklines = page.FindAll("[data-testid=lag-sparkline]");
        Assert.Equal(3, sparklines[0].QuerySelector("polyline")!.GetAttribute("points")!.Split(' ').Length);
        Assert.Null(sparklines[1].QuerySelector("polyline"));
    }

    [Fact]
    public void GroupsPage_RestrictedUser_HidesDeniedTopicsAndGroupsAndRecomputesTotals()
    {
        CurrentUser.Access = new UserAccess("rita", isAuthenticated: true, [AccessRoles.Viewer], new DeniedTopics("vault.ledger"), seesRawValues: false);
        View.Current = Snapshot(Time.GetUtcNow(), "admin API",
            Group("analytics", GroupState.Stable, [Partition("orders", 0, 10, 100, TimeSpan.FromSeconds(20)), Partition("vault.ledger", 0, 0, 5000, TimeSpan.FromHours(2))]),
            Group("ledger-writer", GroupState.Stable, [Partition("vault.ledger", 1, 0, 7, TimeSpan.FromSeconds(1))]));
        View.SetHistory("analytics", new LagSample(Time.GetUtcNow(), 5090, 7200));

        var page = Context.Render<GroupsPage>();

        Assert.Equal(["analytics"], page.FindAll("[data-testid=group-name]").Select(a => a.TextContent));
        Assert.Equal("90", page.Find("[data-testid=group-lag]").TextContent.Trim());
        Assert.Equal("20 s", page.Find("[data-testid=group-time-lag]").TextContent.Trim());
        Assert.DoesNotContain("vault", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("ledger", page.Markup, StringComparison.Ordinal);
        // The stored samples are totals over every topic (5,090 here): a restricted user gets none rather than hidden lag.
        Assert.Null(page.Find("[data-testid=lag-sparkline]").QuerySelector("polyline"));
    }

    [Fact]
    public async Task GroupsPage_FilterBoxStateAndLaggingOnly_NarrowTheRows()
    {
        View.Current = Snapshot(Time.GetUtcNow(), "admin API",
            Group("analytics", GroupState.Stable, [Partition("orders", 0, 10, 100, TimeSpan.FromSeconds(20))]),
            Group("archive", GroupState.Empty, [Partition("orders", 0, 100, 100)]),
            Group("billing", GroupState.Stable, [Partition("orders", 0, 100, 100)]));
        var page = Context.Render<GroupsPage>();

        await page.Find(FilterBox).InputAsync(new() { Value = "AR" });
        Assert.Equal(["archive"], Names(page));

        await page.Find(FilterBox).InputAsync(new() { Value = "" });
        await ClickOnRendererAsync(page, "[data-state-filter=Stable]");
        Assert.Equal(["analytics", "billing"], Names(page));

        await page.Find(LaggingOnly).ChangeAsync(new() { Value = true });
        Assert.Equal(["analytics"], Names(page));
        Assert.Equal("1 of 3 groups", page.Find("[data-testid=groups-summary]").TextContent.Trim());
    }

    [Fact]
    public async Task GroupsPage_MonitorRefreshes_RendersTheNewSnapshotAndUnsubscribesWhenClosed()
    {
        View.Current = Snapshot(Time.GetUtcNow(), "admin API", Group("analytics", GroupState.Stable, [Partition("orders", 0, 10, 100)]));
        var page = Context.Render<GroupsPage>();
        Assert.Equal(1, View.Subscribers);

        View.Publish(Snapshot(Time.GetUtcNow(), "admin API",
            Group("analytics", GroupState.Stable, [Partition("orders", 0, 10, 250, TimeSpan.FromSeconds(9))]),
            Group("billing", GroupState.Stable, [Partition("orders", 0, 250, 250)])));

        page.WaitForAssertion(() => Assert.Equal(["analytics", "billing"], Names(page)), TimeSpan.FromSeconds(30));
        Assert.Equal("240", page.FindAll("[data-testid=group-lag]")[0].TextContent.Trim());
        await Context.DisposeComponentsAsync();
        Assert.Equal(0, View.Subscribers);
    }

    [Fact]
    public void GroupsPage_NoGroups_SaysSo()
    {
        var page = Context.Render<GroupsPage>();

        Assert.Equal("No consumer groups yet.", page.Find("[data-testid=groups-empty]").TextContent);
    }

    private static string[] Names(IRenderedComponent<GroupsPage> page) =>
        [.. page.FindAll("[data-testid=group-name]").Select(a => a.TextContent)];
}
