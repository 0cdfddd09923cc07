using Bunit;

using EventObserver.Access;
using EventObserver.Access.Options;
using EventObserver.Access.Topics;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Groups;
using EventObserver.Core.Indexing;
using EventObserver.Features.Topics;
using EventObserver.Kafka.Admin;
using EventObserver.TestSupport.Groups;

using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Components.Tests.Pages;

/// <summary>The topic detail page over the real query service, a real index, a fake cluster and a fake group view.</summary>
public sealed class TopicDetailPageTests : DashboardTestContext
{
    private readonly SnapshotGroupView _groups = new();

    public TopicDetailPageTests()
    {
        Context.Services.AddSingleton<IConsumerGroupView>(_groups);
        Context.Services.AddTopicDetail();
    }

    [Fact]
    public void TopicDetail_DescribedAndIndexedTopic_ShowsHeaderPartitionsAndFeedLink()
    {
        var now = Time.GetUtcNow();
        Indexes.OpenForCluster("c1").Write([Event("shop.orders", 0, 3, now.AddSeconds(-9)), Event("shop.orders", 0, 4, now.AddSeconds(-8))]);
        Cluster.Descriptions["shop.orders"] = new ClusterTopicDescription("shop.orders", true,
            [new ClusterPartition(0, 2, [2, 1, 3], [2, 1], 1, 5), new ClusterPartition(1, null, null, null, null, null)], null);

        var page = RenderLoaded("shop.orders");

        Assert.Equal("shop.orders", page.Find("[data-testid=topic-title]").TextContent.Trim());
        Assert.Contains("2 partitions · 2 events indexed", page.Find("[data-testid=topic-header]").TextContent, StringComparison.Ordinal);
        Assert.Equal("./?topic=shop.orders", page.Find("[data-testid=open-feed]").GetAttribute("href"));
        Assert.Equal("./topology", page.Find("[data-testid=link-topology]").GetAttribute("href"));
        Assert.Equal("./flows", page.Find("[data-testid=link-flows]").GetAttribute("href"));
        var rows = page.FindAll("[data-testid=partition-row]").Select(r => string.Join("|", r.QuerySelectorAll("td").Take(7).Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(
            ["0|2|2, 1, 3|2, 1|1|5|3–4", "1|not reported|not reported|not reported|not reported|not reported|none"],
            rows);
    }

    [Fact]
    public void TopicDetail_GroupsAndProducers_AreListedWithLagAndCounts()
    {
        var now = Time.GetUtcNow();
        Indexes.OpenForCluster("c1").Write([Event("shop.orders", 0, 0, now.AddSeconds(-30)), Event("shop.orders", 0, 1, now.AddSeconds(-20))]);
        _groups.Current = new ConsumerGroupsSnapshot(now, TimeSpan.Zero, [SnapshotGroupView.Group("analytics", ("shop.orders", 1234, 150))], "known groups");

        var page = RenderLoaded("shop.orders");

        Assert.Equal("./groups/analytics", page.Find("[data-testid=group-link]").GetAttribute("href"));
        Assert.Equal("1,234", page.Find("[data-testid=group-lag]").TextContent.Trim());
        Assert.Equal("2.5 min", page.Find("[data-testid=group-time-lag]").TextContent.Trim());
        Assert.Equal("(no source)", page.Find("[data-testid=producer-source]").TextContent.Trim());
        Assert.Equal("2", page.Find("[data-testid=producer-events]").TextContent.Trim());
    }

    [Fact]
    public void TopicDetail_NoGroupConsumesIt_SaysSoWithTheGroupsSource()
    {
        Indexes.OpenForCluster("c1").Write([Event("shop.orders", 0, 0, Time.GetUtcNow())]);

        var page = RenderLoaded("shop.orders");

        Assert.Contains("not refreshed yet", page.Find("[data-testid=groups-none]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=group-row]"));
    }

    [Fact]
    public void TopicDetail_TopicTheUserMayNotRead_LooksLikeAnUnknownTopic()
    {
        Indexes.OpenForCluster("c1").Write([Event("hr.salaries", 0, 0, Time.GetUtcNow())]);
        var rules = new TopicAccessRules([new TopicAccessRule { Group = "shop", Allow = [@"shop\..*"] }]);
        var topics = rules.For(new HashSet<string>([AccessRoles.Viewer], StringComparer.Ordinal), new HashSet<string>(["shop"], StringComparer.Ordinal));
        CurrentUser.Access = new UserAccess("vera", isAuthenticated: true, [AccessRoles.Viewer], topics, seesRawValues: false);

        var page = RenderLoaded("hr.salaries");

        Assert.NotNull(page.Find("[data-testid=topic-missing]"));
        Assert.Empty(page.FindAll("[data-testid=partitions-table]"));
    }

    [Fact]
    public void TopicDetail_TimeAdvances_RefreshesFromTheIndexAndTheGroupView()
    {
        var index = Indexes.OpenForCluster("c1");
        index.Write([Event("shop.orders", 0, 0, Time.GetUtcNow())]);
        var page = RenderLoaded("shop.orders");
        Assert.Equal(1, page.Instance.Detail!.Indexed);

        index.Write([Event("shop.orders", 0, 1, Time.GetUtcNow()), Event("shop.orders", 0, 2, Time.GetUtcNow())]);
        _groups.Current = new ConsumerGroupsSnapshot(Time.GetUtcNow(), TimeSpan.Zero, [SnapshotGroupView.Group("billing", ("shop.orders", 7, null))], "known groups");
        Time.Advance(TopicDetail.RefreshPeriod);

        page.WaitForAssertion(() => Assert.Equal(3, page.Instance.Detail!.Indexed));
        page.WaitForAssertion(() => Assert.Equal("7", page.Find("[data-testid=group-lag]").TextContent.Trim()));
    }

    [Fact]
    public void TopicDetail_Retention_GapsAreListedWithTheirPartition()
    {
        var now = Time.GetUtcNow();
        Indexes.OpenForCluster("c1").Write([Event("shop.orders", 1, 50, now)], [new RetentionGap("shop.orders", 1, 0, 49, now.AddSeconds(-5))]);

        var page = RenderLoaded("shop.orders");

        var row = page.Find("[data-testid=topic-gap-row]");
        Assert.Equal("5 s ago|1|0–49|50", string.Join("|", row.QuerySelectorAll("td").Select(c => c.TextContent.Trim())));
        Assert.Contains("50 lost to retention", page.Find("[data-testid=topic-lost]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>Renders the page and waits for its first answer (the index is read off the render thread).</summary>
    private IRenderedComponent<TopicDetail> RenderLoaded(string name)
    {
        var page = Context.Render<TopicDetail>(p => p.Add(c => c.Name, name));
        page.WaitForState(() => !page.Instance.Loading, TimeSpan.FromSeconds(15));
        return page;
    }
}
