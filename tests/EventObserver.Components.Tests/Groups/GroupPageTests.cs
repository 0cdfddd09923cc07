using Bunit;

using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Features.Groups;

using static EventObserver.TestSupport.GroupPages.GroupSamples;

namespace EventObserver.Components.Tests.Groups;

public sealed class GroupPageTests : GroupsTestContext
{
    [Fact]
    public void GroupPage_GroupWithoutDescription_ShowsMembersNotKnownStatusTextsAndFeedLinksAtTheCommittedOffset()
    {
        View.Current = Snapshot(Time.GetUtcNow(), "groups known by name: the embedded broker cannot list groups",
            Group("analytics", GroupState.Unknown,
            [
                Partition("shop.orders", 0, 120, 300, TimeSpan.FromSeconds(75)),
                Partition("shop.orders", 1, 40, 90, status: TimeLagStatus.NoLongerIndexed),
                Partition("shop.payments", 0, 55, 55),
            ],
            membersKnown: false));

        var page = Render("analytics");

        Assert.Equal("Members not known (groups known by name: the embedded broker cannot list groups).", page.Find("[data-testid=members-unknown]").TextContent);
        Assert.Equal(
            ["behind: age of the first uncommitted event", "first uncommitted event no longer indexed", "caught up"],
            page.FindAll("[data-testid=partition-status]").Select(td => td.TextContent));
        Assert.Equal(["1 min 15 s", "—", "0 s"], page.FindAll("[data-testid=partition-time-lag]").Select(td => td.TextContent));
        Assert.Equal(2, page.FindAll("[data-testid=group-topic-row]").Count);
        Assert.Equal("230 messages", page.Find("[data-testid=group-total-lag]").TextContent);
        var href = page.FindAll("[data-testid=partition-feed]")[1].GetAttribute("href")!;
        Assert.StartsWith("./?", href, StringComparison.Ordinal);
        var selection = EventSelectionQuery.Parse(href[2..]);
        Assert.Equal(["shop.orders"], selection.Topics);
        Assert.Equal(new PartitionRange("shop.orders", 1, 40, null), Assert.Single(selection.Ranges));
    }

    [Fact]
    public void GroupPage_MembersAndAnError_ListsMembersAndShowsTheErrorBanner()
    {
        View.Current = Snapshot(Time.GetUtcNow(), "admin API",
            Group("billing", GroupState.Stable, [Partition("orders", 0, 5, 9)],
                [Member("billing-1", "/10.0.0.7", new TopicPartitionKey("orders", 0))], error: "committed offsets timed out after 5 s"));

        var page = Render("billing");

        var member = Assert.Single(page.FindAll("[data-testid=member-row]"));
        Assert.Contains("billing-1", member.TextContent, StringComparison.Ordinal);
        Assert.Contains("/10.0.0.7", member.TextContent, StringComparison.Ordinal);
        Assert.Contains("orders/0", member.TextContent, StringComparison.Ordinal);
        Assert.Equal("committed offsets timed out after 5 s", page.Find("[data-testid=group-error-banner]").TextContent.Trim());
        Assert.Equal("range", page.Find("[data-testid=group-assignor]").TextContent);
    }

    [Fact]
    public void GroupPage_UnknownGroup_SaysItIsNotKnown()
    {
        var page = Render("nobody");

        Assert.Contains("No consumer group 'nobody' is known", page.Find("[data-testid=group-not-found]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=reset-panel]"));
    }

    [Fact]
    public async Task GroupPage_MonitorRefreshes_ShowsTheNewLag()
    {
        View.Current = Snapshot(Time.GetUtcNow(), "admin API", Group("analytics", GroupState.Stable, [Partition("orders", 0, 10, 100)]));
        var page = Render("analytics");

        View.Publish(Snapshot(Time.GetUtcNow(), "admin API", Group("analytics", GroupState.Stable, [Partition("orders", 0, 10, 400)])));

        page.WaitForAssertion(() => Assert.Equal("390 messages", page.Find("[data-testid=group-total-lag]").TextContent), TimeSpan.FromSeconds(30));
        await Context.DisposeComponentsAsync();
        Assert.Equal(0, View.Subscribers);
    }

    private IRenderedComponent<GroupPage> Render(string groupId)
    {
        Context.Render<MudBlazor.MudPopoverProvider>();
        return Context.Render<GroupPage>(p => p.Add(x => x.GroupId, groupId));
    }
}
