using System.Text;

using Bunit;

using EventObserver.Access;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Envelopes;
using EventObserver.Features.Flows;
using EventObserver.Shared;
using EventObserver.TestSupport;
using EventObserver.TestSupport.Access;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Components.Tests.Flows;

/// <summary>The flow map page over a real index: stickies by kind, labelled links, examples on click, window, refresh.</summary>
public sealed class FlowsPageTests : DashboardTestContext
{
    private readonly Dictionary<string, long> _offsets = new(StringComparer.Ordinal);

    private TestCurrentUser User { get; } = new();

    public FlowsPageTests()
    {
        Context.Services.AddSingleton<SavedProjectionTypes>();
        Context.Services.AddSingleton<FlowQueries>();
        Context.Services.AddSingleton<ICurrentUser>(User);
    }

    [Fact]
    public void Page_Traffic_DrawsStickiesColouredByKindWithPoliciesFailuresAndUnreactedEvents()
    {
        Seed();

        var page = RenderAt("flows");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=flow-node]")));
        Assert.Contains("eo-fl-command", Node(page, "PlaceOrder").ClassList);
        Assert.Contains("eo-fl-event", Node(page, "OrderPlaced").ClassList);
        var policy = Assert.Single(page.FindAll("[data-testid=flow-node][data-kind=Policy]"));
        Assert.Contains("eo-fl-policy", policy.ClassList);
        Assert.Contains("whenever OrderPlaced", policy.TextContent);
        Assert.Contains("then ChargePayment", policy.TextContent);
        var deadLetter = page.FindAll("[data-testid=flow-node][data-label=ChargePayment]").Single(n => n.TextContent.Contains("dead letter", StringComparison.Ordinal));
        Assert.Contains("eo-fl-failure", deadLetter.ClassList);
        var charged = Node(page, "PaymentCharged");
        Assert.Contains("eo-fl-unreacted", charged.ClassList);
        Assert.Contains("no reaction", charged.TextContent);
        Assert.DoesNotContain("eo-fl-unreacted", Node(page, "OrderPlaced").ClassList);
        Assert.Equal(
            ["storefront", "orders", "payments", "topic shop.dlt"],
            page.FindAll("[data-testid=flow-lane]").Select(l => l.TextContent.Trim()));
        Assert.Contains("12 messages", page.Find("[data-testid=flow-summary]").TextContent);
    }

    [Fact]
    public void Page_Links_AreLabelledWithCountAndPercentiles()
    {
        Seed();

        var page = RenderAt("flows");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=flow-edge-label]")));
        var placed = Label(page, "PlaceOrder", "OrderPlaced");
        Assert.Equal("3×", placed.QuerySelector("[data-testid=flow-edge-count]")!.TextContent);
        Assert.Equal("p50 20 ms", placed.QuerySelector("[data-testid=flow-edge-latency]")!.TextContent);
        Assert.Equal("p95 30 ms", placed.QuerySelector("[data-testid=flow-edge-latency-p95]")!.TextContent);
        // The policy's two links carry one label: the reaction, counted once.
        Assert.Equal(4, page.FindAll("[data-testid=flow-edge-label]").Count);
        Assert.Equal(5, page.FindAll("[data-testid=flow-edge]").Count);
    }

    [Fact]
    public void Page_ClickALink_ListsExampleConversationsLinkingToTheirLineage()
    {
        Seed();
        var page = RenderAt("flows");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=flow-edge-label]")));

        Label(page, "PlaceOrder", "OrderPlaced").Click();

        // The first read finishes off the renderer's thread, so the panel's render can trail the click.
        page.WaitForAssertion(() => Assert.Equal("PlaceOrder → OrderPlaced", page.Find("[data-testid=flow-edge-title]").TextContent));
        Assert.Equal(
            ["lineage?correlation=order-3", "lineage?correlation=order-2", "lineage?correlation=order-1"],
            page.FindAll("[data-testid=flow-example]").Select(a => a.GetAttribute("href")));
        Assert.Contains("eo-fl-selected", Edge(page, "PlaceOrder", "OrderPlaced").ClassList);
    }

    [Fact]
    public void Page_ShorterWindow_LeavesOlderTrafficOutAndKeepsTheWindowInTheAddress()
    {
        Seed();
        Write(Message("shop.orders.commands", "PlaceOrder", MessageKind.Command, "/shop/storefront", "old-1", null, "order-old", TimeSpan.FromMinutes(-10)));
        var page = RenderAt("flows");
        page.WaitForAssertion(() => Assert.Contains("4×", Node(page, "PlaceOrder").TextContent));

        page.Find("[data-window='5m']").Click();

        page.WaitForAssertion(() => Assert.Contains("3×", Node(page, "PlaceOrder").TextContent));
        Assert.EndsWith("flows?window=5m", Context.Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task Page_SelectionInTheAddress_IsRestoredAndAClickKeepsItThere()
    {
        Seed();
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        var first = RenderAt("flows?window=1h");
        first.WaitForAssertion(() => Assert.NotEmpty(first.FindAll("[data-testid=flow-edge-label]")));
        var id = Edge(first, "PlaceOrder", "OrderPlaced").GetAttribute("data-id")!;

        await Label(first, "PlaceOrder", "OrderPlaced").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        Assert.EndsWith($"flows?window=1h&edge={Uri.EscapeDataString(id)}", navigation.Uri, StringComparison.Ordinal);
        var again = RenderAt($"flows?window=1h&edge={Uri.EscapeDataString(id)}&view=-10,-20,0.950");
        again.WaitForAssertion(() => Assert.Equal("PlaceOrder → OrderPlaced", again.Find("[data-testid=flow-edge-title]").TextContent));
        Assert.Contains("eo-fl-selected", Edge(again, "PlaceOrder", "OrderPlaced").ClassList);
    }

    [Fact]
    public void Page_WindowChoice_IsAPressedSegmentedButton()
    {
        Seed();

        var page = RenderAt("flows?window=1h");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=flow-node]")));
        var pressed = page.FindAll("[data-testid=flow-window] [aria-pressed=true]");
        Assert.Equal("1h", Assert.Single(pressed).GetAttribute("data-window"));
        Assert.Contains("eo-seg-selected", pressed[0].ClassList);
        Assert.Equal(3, page.FindAll("[data-testid=flow-window] [aria-pressed=false]").Count);
    }

    [Fact]
    public async Task Page_AutoRefresh_RendersOnlyWhenTheTrafficChanged()
    {
        Seed();
        var page = RenderAt("flows");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=flow-node]")));
        var refreshes = page.Instance.Refreshes;
        var renders = page.RenderCount;

        Time.Advance(FlowsPage.RefreshPeriod);
        // Nothing renders when nothing changed, so poll the load count instead of waiting for a render.
        await Eventually.TrueAsync(() => page.Instance.Refreshes == refreshes + 1, "the refresh to read the map again");

        Assert.Equal(renders, page.RenderCount);

        Write(Message("shop.shipping.commands", "ShipOrder", MessageKind.Command, "/shop/orders", "ship-1", "charged-1", "order-1", TimeSpan.FromSeconds(5)));
        Time.Advance(FlowsPage.RefreshPeriod);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=flow-node][data-label=ShipOrder]")));
    }

    [Fact]
    public async Task Page_CostlyReads_AutoRefreshBacksOff()
    {
        // Every build of the map "takes" 3 s: auto-refresh must pass over two 10 s ticks to stay under a tenth of a core.
        Context.Services.AddSingleton(sp => new FlowQueries(
            sp.GetRequiredService<IndexReads>(), new SlowReadClock(Time, TimeSpan.FromSeconds(3)), new SavedProjectionTypes()));
        Seed();
        var page = RenderAt("flows");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=flow-node]")));

        for (var tick = 1; tick <= 3; tick++)
        {
            Time.Advance(FlowsPage.RefreshPeriod);
            await Eventually.TrueAsync(() => page.Instance.Refreshes + page.Instance.SkippedRefreshes == tick, $"tick {tick} to be handled");
        }

        Assert.Equal((2, 1), (page.Instance.SkippedRefreshes, page.Instance.Refreshes));
    }

    [Fact]
    public void Page_MoreTrafficThanTheCap_SaysOnlyTheMostRecentWereRead()
    {
        Context.Services.AddSingleton(sp => new FlowQueries(
            sp.GetRequiredService<IndexReads>(), Time, new SavedProjectionTypes(), maxEvents: 5));
        Seed();

        var page = RenderAt("flows");

        page.WaitForAssertion(() => Assert.Contains("more than 5 messages", page.Find("[data-testid=flow-capped]").TextContent));
        Assert.Contains("5 messages", page.Find("[data-testid=flow-summary]").TextContent);
    }

    [Fact]
    public void Page_RestrictedUser_DrawsOnlyTheTypesOfTopicsTheyMayRead()
    {
        User.Access = new UserAccess("viewer", isAuthenticated: true, [AccessRoles.Viewer], new DeniedTopics("shop.payments.commands"), seesRawValues: false);
        Seed();

        var page = RenderAt("flows");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=flow-node]")));
        Assert.Contains("9 messages", page.Find("[data-testid=flow-summary]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=flow-node][data-kind=Policy]"));
        Assert.DoesNotContain("shop.payments.commands", page.Markup, StringComparison.Ordinal);
        // ChargePayment is still seen on the dead-letter topic the user may read, but nothing links to it there.
        Assert.Single(page.FindAll("[data-testid=flow-node][data-label=ChargePayment]"));
    }

    [Fact]
    public void Page_NoTraffic_SaysSo()
    {
        var page = RenderAt("flows?window=5m");

        page.WaitForAssertion(() => Assert.Contains("No traffic in the last 5m", page.Find("[data-testid=flow-empty]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=flow-node]"));
    }

    private static AngleSharp.Dom.IElement Node(IRenderedComponent<FlowsPage> page, string label) =>
        page.FindAll($"[data-testid=flow-node][data-label={label}]").Single(n => !n.TextContent.Contains("dead letter", StringComparison.Ordinal));

    private static AngleSharp.Dom.IElement Edge(IRenderedComponent<FlowsPage> page, string from, string to) =>
        page.FindAll("[data-testid=flow-edge]").Single(e => e.GetAttribute("data-from") == Node(page, from).GetAttribute("data-id") && e.GetAttribute("data-to") == Node(page, to).GetAttribute("data-id"));

    private static AngleSharp.Dom.IElement Label(IRenderedComponent<FlowsPage> page, string from, string to)
    {
        var id = Edge(page, from, to).GetAttribute("data-id");
        return page.FindAll("[data-testid=flow-edge-label]").Single(l => l.GetAttribute("data-edge") == id);
    }

    private IRenderedComponent<FlowsPage> RenderAt(string relative)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(relative);
        return Context.Render<FlowsPage>();
    }

    /// <summary>
    /// Three orders a minute ago: PlaceOrder → OrderPlaced (10/20/30 ms) → policy → ChargePayment → PaymentCharged,
    /// except the third charge, which is dead-lettered.
    /// </summary>
    private void Seed()
    {
        var messages = new List<EventEnvelope>();
        for (var i = 1; i <= 3; i++)
        {
            var at = TimeSpan.FromMinutes(-1) + TimeSpan.FromSeconds(i);
            var conversation = $"order-{i}";
            messages.Add(Message("shop.orders.commands", "PlaceOrder", MessageKind.Command, "/shop/storefront", $"place-{i}", null, conversation, at));
            messages.Add(Message("shop.orders.events", "OrderPlaced", MessageKind.Event, "/shop/orders", $"placed-{i}", $"place-{i}", conversation, at + TimeSpan.FromMilliseconds(10 * i)));
            var charge = Message("shop.payments.commands", "ChargePayment", MessageKind.Command, "/shop/payments", $"charge-{i}", $"placed-{i}", conversation, at + TimeSpan.FromMilliseconds(100));
            messages.Add(charge);
            messages.Add(i == 3
                ? Message("shop.dlt", "ChargePayment", MessageKind.Command, "/shop/payments", $"charge-{i}", $"placed-{i}", conversation, at + TimeSpan.FromMilliseconds(400),
                    new DeadLetterOrigin(charge.Topic, charge.Partition, charge.Offset, "boom"))
                : Message("shop.payments.events", "PaymentCharged", MessageKind.Event, "/shop/payments", $"charged-{i}", $"charge-{i}", conversation, at + TimeSpan.FromMilliseconds(300)));
        }

        Write([.. messages]);
    }

    private void Write(params EventEnvelope[] messages) => Indexes.OpenForCluster("c1").Write(messages);

    private EventEnvelope Message(string topic, string type, MessageKind kind, string source, string id, string? cause, string correlation, TimeSpan at, DeadLetterOrigin? deadLetterOf = null) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = NextOffset(topic),
        TimestampMs = (Time.GetUtcNow() + at).ToUnixTimeMilliseconds(),
        Payload = Encoding.UTF8.GetBytes("{}"),
        PayloadFormat = PayloadFormat.Json,
        MessageId = id,
        MessageType = type,
        Kind = kind,
        CorrelationId = correlation,
        CausationId = cause,
        Source = source,
        DeadLetterOf = deadLetterOf,
    };

    /// <summary>The page's clock for dates; every timestamp taken moves <paramref name="perCall"/> on, so each read looks that long.</summary>
    private sealed class SlowReadClock(TimeProvider now, TimeSpan perCall) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => now.GetUtcNow();

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, perCall.Ticks);
    }

    private long NextOffset(string topic)
    {
        var offset = _offsets.GetValueOrDefault(topic);
        _offsets[topic] = offset + 1;
        return offset;
    }
}
