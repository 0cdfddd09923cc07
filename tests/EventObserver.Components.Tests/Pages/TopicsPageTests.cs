using Bunit;

using EventObserver.Features.Topics;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Indexing;
using EventObserver.Core.Selection;
using EventObserver.Kafka.Admin;

namespace EventObserver.Components.Tests.Pages;

public sealed class TopicsPageTests : DashboardTestContext
{
    [Fact]
    public void Topics_ClusterIndexAndRates_AreMergedIntoOneRowPerTopic()
    {
        var now = Time.GetUtcNow();
        Cluster.Topics = [new ClusterTopic("shop.orders", 3, 10), new ClusterTopic("shop.payments", 2, 0)];
        Indexes.OpenForCluster("c1").Write(
        [
            Event("shop.orders", 0, 0, now.AddSeconds(-30)),
            Event("shop.orders", 1, 0, now.AddSeconds(-5)),
            Event("legacy.audit", 0, 7, now.AddMinutes(-10)),
        ]);
        Ingestion.Rates.Record("shop.orders", 20);
        Time.Advance(TimeSpan.FromSeconds(1));

        var page = Context.Render<Topics>();

        Assert.Equal(
            [
                new TopicOverview("legacy.audit", 1, 1, now.AddMinutes(-10), 0),
                new TopicOverview("shop.orders", 3, 2, now.AddSeconds(-5), 2),
                new TopicOverview("shop.payments", 2, 0, null, 0),
            ],
            page.Instance.Rows);
        Assert.Equal(
            ["legacy.audit", "shop.orders", "shop.payments"],
            page.FindAll("[data-testid=topic-name]").Select(e => e.TextContent));
    }

    [Fact]
    public void Topics_FeedButton_LinksToTheFeedFilteredToThatTopic()
    {
        Cluster.Topics = [new ClusterTopic("shop.orders", 3, 10), new ClusterTopic("a b&c", 1, 0)];

        var page = Context.Render<Topics>();

        Assert.Equal(
            ["./?topic=a%20b%26c", "./?topic=shop.orders"],
            page.FindAll("[data-testid=topic-feed]").Select(a => a.GetAttribute("href")));
        Assert.Equal(["a b&c"], EventSelectionQuery.Parse("?topic=a%20b%26c").Topics);
    }

    [Fact]
    public void Topics_TopicName_LinksToTheTopicsDetailPage()
    {
        Cluster.Topics = [new ClusterTopic("shop.orders", 3, 10), new ClusterTopic("a b&c", 1, 0)];

        var page = Context.Render<Topics>();

        Assert.Equal(
            ["./topics/a%20b%26c", "./topics/shop.orders"],
            page.FindAll("a[data-testid=topic-name]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Topics_TimeAdvances_RefreshesCountsFromTheIndex()
    {
        Cluster.Topics = [new ClusterTopic("orders", 1, 0)];
        var index = Indexes.OpenForCluster("c1");
        var page = Context.Render<Topics>();
        Assert.Equal(0, Assert.Single(page.Instance.Rows).Indexed);

        index.Write([Event("orders", 0, 0, Time.GetUtcNow()), Event("orders", 0, 1, Time.GetUtcNow())]);
        Time.Advance(Topics.RefreshPeriod);

        page.WaitForAssertion(() => Assert.Equal(2, Assert.Single(page.Instance.Rows).Indexed));
    }

    [Fact]
    public void Topics_NoIndexYet_ListsClusterTopicsWithZeroCounts()
    {
        Cluster.Topics = [new ClusterTopic("orders", 4, 0)];

        var page = Context.Render<Topics>();

        Assert.Equal([new TopicOverview("orders", 4, 0, null, 0)], page.Instance.Rows);
    }

    [Fact]
    public void Topics_RetentionGaps_ShowTheLossPerTopicAndListTheGaps()
    {
        var now = Time.GetUtcNow();
        Cluster.Topics = [new ClusterTopic("orders", 2, 0)];
        var index = Indexes.OpenForCluster("c1");
        index.Write([Event("orders", 0, 10, now)], [new RetentionGap("orders", 0, 0, 9, now.AddSeconds(-20))]);
        index.Write([], [new RetentionGap("orders", 1, 40, 139, now.AddSeconds(-5))]);

        var page = Context.Render<Topics>();

        Assert.Equal(110, Assert.Single(page.Instance.Rows).LostToRetention);
        Assert.Equal("110", page.Find("[data-testid=topic-lost]").TextContent.Trim());
        var rows = page.FindAll("[data-testid=gap-row]").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["5 s ago|orders/1|40–139|100", "20 s ago|orders/0|0–9|10"], rows);
    }

    [Fact]
    public void Topics_NoGaps_HasNoGapList()
    {
        Cluster.Topics = [new ClusterTopic("orders", 1, 0)];
        Indexes.OpenForCluster("c1").Write([Event("orders", 0, 0, Time.GetUtcNow())]);

        var page = Context.Render<Topics>();

        Assert.Empty(page.FindAll("[data-testid=gaps-table]"));
        Assert.Equal("—", page.Find("[data-testid=topic-lost]").TextContent.Trim());
    }
}
