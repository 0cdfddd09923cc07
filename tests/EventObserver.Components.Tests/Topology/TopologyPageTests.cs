using System.Text;

using Bunit;

using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Groups;
using EventObserver.Features.Flows;
using EventObserver.Features.Topology;
using EventObserver.TestSupport;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Components.Tests.Topology;

/// <summary>The topology page over a real index and a fake group view: boxes that link to their pages, lag colours, legend, live groups.</summary>
public sealed class TopologyPageTests : DashboardTestContext
{
    private readonly FakeGroupView _groups = new();

    public TopologyPageTests()
    {
        Context.Services.AddSingleton<IConsumerGroupView>(_groups);
        Context.Services.AddSingleton<TopologyQueries>();
    }

    [Fact]
    public void Page_ProducersTopicsAndGroups_AreLinksToTheirPages()
    {
        Seed();
        _groups.Publish(Time.GetUtcNow(), FakeGroupView.Group("billing svc", "shop.orders", 2, TimeSpan.FromSeconds(1), 3), FakeGroupView.Group("analytics", "shop.orders", 900, TimeSpan.FromSeconds(75), 0.2));

        var page = RenderAt("topology");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=topology-node]")));
        Assert.Equal("./?source=%2Fshop%2Forders", Node(page, "producer:/shop/orders").GetAttribute("href"));
        Assert.Equal("topics/shop.orders", Node(page, "topic:shop.orders").GetAttribute("href"));
        Assert.Equal("groups/billing%20svc", Node(page, "group:billing svc").GetAttribute("href"));
        Assert.Contains("eo-tp-deadletter", Node(page, "topic:shop.orders.dlt").ClassList);
        Assert.DoesNotContain("eo-tp-deadletter", Node(page, "topic:shop.orders").ClassList);
        Assert.Contains("eo-tp-lag-ok", Node(page, "group:billing svc").ClassList);
        Assert.Contains("eo-tp-lag-far", Node(page, "group:analytics").ClassList);
        Assert.Contains("lag 900 · 75 s", Node(page, "group:analytics").TextContent);
        Assert.Contains("1 producers · 2 topics · 2 groups", page.Find("[data-testid=topology-summary]").TextContent);
    }

    [Fact]
    public void Page_Links_AreLabelledWithTheirRateAndThickerWhenBusier()
    {
        Seed();
        _groups.Publish(Time.GetUtcNow(), FakeGroupView.Group("billing", "shop.orders", 2, TimeSpan.FromSeconds(1), 12));

        var page = RenderAt("topology?window=5m");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=topology-edge-label]")));
        // 30 messages to the orders topic and 3 to the dead-letter topic within the minute the index covers of the
        // 5-minute window: rates over that minute.
        Assert.Equal("0.5/s", Label(page, "produces:/shop/orders>shop.orders"));
        Assert.Equal("0.05/s", Label(page, "produces:/shop/orders>shop.orders.dlt"));
        Assert.Equal("12/s", Label(page, "consumes:shop.orders>billing"));
        Assert.True(Width(page, "consumes:shop.orders>billing") > Width(page, "produces:/shop/orders>shop.orders"));
        Assert.True(Width(page, "produces:/shop/orders>shop.orders") > Width(page, "produces:/shop/orders>shop.orders.dlt"));
    }

    [Fact]
    public void Page_Legend_ExplainsTheLagColoursAndDeadLetters()
    {
        var page = RenderAt("topology");

        var legend = page.Find("[data-testid=topology-legend]");
        Assert.Contains("eo-tp-lag-ok", page.Find("[data-testid=legend-ok] .eo-lg-swatch").ClassList);
        Assert.Contains("< 10 s", page.Find("[data-testid=legend-ok]").TextContent);
        Assert.Contains("10–60 s", page.Find("[data-testid=legend-lagging]").TextContent);
        Assert.Contains("≥ 60 s", page.Find("[data-testid=legend-far]").TextContent);
        Assert.Contains("unknown", page.Find("[data-testid=legend-unknown]").TextContent);
        Assert.Contains("dead-letter topic", legend.TextContent);
        Assert.Equal("flows?window=15m", page.Find("[data-testid=topology-flows]").GetAttribute("href"));
    }

    [Fact]
    public async Task Page_GroupsRefreshed_ShowsTheNewGroupsAndUnsubscribesWhenDisposed()
    {
        Seed();
        var page = RenderAt("topology");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=topology-node]")));
        Assert.Contains("No consumer groups", page.Find("[data-testid=topology-groups-note]").TextContent);
        await Eventually.TrueAsync(() => _groups.Subscribers == 1, "the page to follow the group refreshes");

        _groups.Publish(Time.GetUtcNow(), FakeGroupView.Group("late", "shop.orders", 30, TimeSpan.FromSeconds(20), 1));

        page.WaitForAssertion(() => Assert.Contains("eo-tp-lag-lagging", Node(page, "group:late").ClassList));
        Assert.Empty(page.FindAll("[data-testid=topology-groups-note]"));
        page.Instance.Dispose();
        Assert.Equal(0, _groups.Subscribers);
    }

    [Fact]
    public void FlowsPage_LinksToTheTopicLevelView()
    {
        Context.Services.AddSingleton<SavedProjectionTypes>();
        Context.Services.AddSingleton<FlowQueries>();
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("flows?window=1h");

        var page = Context.Render<FlowsPage>();

        Assert.Equal("topology?window=1h", page.Find("[data-testid=flow-topology]").GetAttribute("href"));
    }

    private static AngleSharp.Dom.IElement Node(IRenderedComponent<TopologyPage> page, string id) =>
        page.Find($"[data-testid=topology-node][data-id='{id}']");

    private static string Label(IRenderedComponent<TopologyPage> page, string edge) =>
        page.Find($"[data-testid=topology-edge-label][data-edge='{edge}']").TextContent.Trim();

    private static double Width(IRenderedComponent<TopologyPage> page, string edge) =>
        double.Parse(page.Find($"[data-testid=topology-edge][data-id='{edge}'] .eo-tp-line").GetAttribute("stroke-width")!, System.Globalization.CultureInfo.InvariantCulture);

    private IRenderedComponent<TopologyPage> RenderAt(string relative)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(relative);
        return Context.Render<TopologyPage>();
    }

    /// <summary>30 orders and 3 dead letters from one source over the last minute.</summary>
    private void Seed()
    {
        var messages = new List<EventEnvelope>();
        for (var i = 0; i < 33; i++)
        {
            var topic = i < 30 ? "shop.orders" : "shop.orders.dlt";
            messages.Add(new EventEnvelope
            {
                Topic = topic,
                Partition = 0,
                Offset = i < 30 ? i : i - 30,
                TimestampMs = (Time.GetUtcNow() - TimeSpan.FromSeconds(60 - i)).ToUnixTimeMilliseconds(),
                Payload = Encoding.UTF8.GetBytes("{}"),
                PayloadFormat = PayloadFormat.Json,
                MessageId = $"m-{i}",
                MessageType = "OrderPlaced",
                Kind = MessageKind.Event,
                Source = "/shop/orders",
            });
        }

        Indexes.OpenForCluster("c1").Write([.. messages]);
    }
}
