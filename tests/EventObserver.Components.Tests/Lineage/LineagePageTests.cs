using System.Text;

using Bunit;

using EventObserver.Access;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Access;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Lineage;
using EventObserver.Core.Masking;
using EventObserver.Features.Lineage;
using EventObserver.Shared;
using EventObserver.TestSupport;
using EventObserver.TestSupport.Access;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventObserver.Components.Tests.Lineage;

/// <summary>The lineage page over a real index: start from a message or a search, select, highlight, expand.</summary>
public sealed class LineagePageTests : DashboardTestContext
{
    private const string Correlation = "4bf92f3577b34da6a3ce929d0e0e4736";

    private TestCurrentUser User { get; } = new();

    /// <summary>Masks shop.orders.events for users who do not see raw values.</summary>
    private KeyMasker Masker { get; } = new("shop.orders.events");

    public LineagePageTests()
    {
        Context.Services.AddSingleton<LineageQueries>();
        Context.Services.AddSingleton<IEventMasker>(Masker);
        Context.Services.AddSingleton<ICurrentUser>(User);
        Context.Services.AddOptions<LineageOptions>().Configure(o => o.TraceUrlTemplate = "http://traces.local/trace/{traceId}");
    }

    [Fact]
    public void Page_EventParameter_DrawsItsLineageAndDetailsTheStart()
    {
        Seed();

        var page = RenderAt("lineage?event=shop.payments.events/0/0");

        Assert.Equal(
            ["shop.orders.commands/0/0", "shop.orders.events/0/0", "shop.payments.commands/0/0", "shop.payments.events/0/0"],
            page.FindAll("[data-testid=lineage-node]").Select(n => n.GetAttribute("data-id")).Order(StringComparer.Ordinal));
        Assert.Equal(3, page.FindAll("[data-testid=lineage-edge]").Count);
        Assert.Equal("PaymentFailed", page.Find("[data-testid=lineage-detail-type]").TextContent);
        Assert.Contains("4 messages · 4 topics", page.Find("[data-testid=lineage-summary]").TextContent);
        Assert.Equal("http://traces.local/trace/" + Correlation, page.Find("[data-testid=lineage-detail-trace]").GetAttribute("href"));
        Assert.EndsWith("events/shop.payments.events/0/0", page.Find("[data-testid=lineage-detail-event]").GetAttribute("href"));
    }

    [Fact]
    public async Task Page_ClickANode_ShowsItsDetailAndHighlightsThePathFromTheRoot()
    {
        Seed();
        var page = RenderAt("lineage?event=shop.payments.events/0/0");

        // Awaited: with the graph read off the renderer's thread, a click can queue behind the render that shows it.
        await ClickOnRendererAsync(page, "[data-id='shop.orders.commands/0/0']");

        Assert.Equal("PlaceOrder", page.Find("[data-testid=lineage-detail-type]").TextContent);
        Assert.Contains("eo-lg-selected", page.Find("[data-id='shop.orders.commands/0/0']").ClassList);
        Assert.Equal(3, page.FindAll("[data-testid=lineage-edge].eo-lg-on-path").Count);
        Assert.Equal("lineage?event=shop.orders.commands%2F0%2F0", page.Find("[data-testid=lineage-detail-from-here]").GetAttribute("href"));
    }

    [Fact]
    public async Task Page_ExpandAnAncestor_MergesItsOtherEffectsIntoTheGraph()
    {
        Seed();
        var page = RenderAt("lineage?event=shop.payments.events/0/0");
        Assert.Empty(page.FindAll("[data-id='shop.inventory.commands/0/0']"));

        page.Find("[data-id='shop.orders.events/0/0']").Click();
        // The expansion is read off the renderer's thread: wait for the click's handler to finish.
        await ClickOnRendererAsync(page, "[data-testid=lineage-detail-expand]");

        Assert.Single(page.FindAll("[data-id='shop.inventory.commands/0/0']"));
        Assert.Equal(5, page.FindAll("[data-testid=lineage-node]").Count);
    }

    [Fact]
    public async Task Page_Expand_HighlightsTheNewNodesAndSaysHowManyThenNoneOnASecondTry()
    {
        Seed();
        var page = RenderAt("lineage?event=shop.payments.events/0/0");
        page.Find("[data-id='shop.orders.events/0/0']").Click();

        await ClickOnRendererAsync(page, "[data-testid=lineage-detail-expand]");

        Assert.Equal("1 new neighbour (highlighted).", page.Find("[data-testid=lineage-expand-note]").TextContent);
        Assert.Equal(["shop.inventory.commands/0/0"], page.FindAll(".eo-lg-new").Select(n => n.GetAttribute("data-id")));
        Assert.Null(page.Find("[data-testid=lineage-detail-expand]").GetAttribute("disabled"));

        await ClickOnRendererAsync(page, "[data-testid=lineage-detail-expand]");

        Assert.StartsWith("No new neighbours", page.Find("[data-testid=lineage-expand-note]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".eo-lg-new"));
    }

    [Fact]
    public void Page_DirectionInTheAddress_IsShownPressedAndAChoiceGoesIntoTheAddress()
    {
        Seed();
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        var page = RenderAt("lineage?event=shop.orders.events/0/0&direction=causes");

        Assert.Equal(["shop.orders.commands/0/0", "shop.orders.events/0/0"], NodeIds(page));
        Assert.Equal("true", DirectionButton(page, "Causes").GetAttribute("aria-pressed"));
        Assert.Equal("false", DirectionButton(page, "Both").GetAttribute("aria-pressed"));

        DirectionButton(page, "Effects").Click();

        page.WaitForAssertion(() => Assert.EndsWith("lineage?event=shop.orders.events%2F0%2F0&direction=effects", navigation.Uri, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Equal("true", DirectionButton(page, "Effects").GetAttribute("aria-pressed")));
        page.WaitForAssertion(() => Assert.Equal(4, NodeIds(page).Length));
    }

    [Fact]
    public void Search_SeeAlso_LinksToTheFlowMapAndConventionsInsteadOfPromisingThem()
    {
        var page = RenderAt("lineage");

        var seeAlso = page.Find("[data-testid=lineage-see-also]");
        Assert.DoesNotContain("Coming next", page.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["flows", "conventions"], seeAlso.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Page_NoStart_ShowsSearchAndRecentConversations()
    {
        Seed();

        var page = RenderAt("lineage");

        Assert.Single(page.FindAll("[data-testid=lineage-search]"));
        var suggestion = Assert.Single(page.FindAll("[data-testid=lineage-suggestion]"));
        Assert.Contains("PaymentFailed", suggestion.TextContent);
        Assert.Equal("lineage?event=shop.payments.events%2F0%2F0", suggestion.GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=lineage-node]"));
    }

    [Fact]
    public async Task Page_SearchForACorrelationId_NavigatesToTheConversation()
    {
        Seed();
        var page = RenderAt("lineage");

        page.Find("[data-testid=lineage-search] input").Input(Correlation);
        await page.Find("form").SubmitAsync(EventArgs.Empty);

        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith($"lineage?correlation={Correlation}", navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=lineage-node]").Count));
    }

    [Fact]
    public void Page_UnknownStart_SaysSoAndOffersTheSearch()
    {
        Seed();

        var page = RenderAt("lineage?event=shop.nothing/0/9");

        Assert.Contains("shop.nothing/0/9", page.Find("[data-testid=lineage-not-found]").TextContent);
        Assert.Single(page.FindAll("[data-testid=lineage-search]"));
    }

    [Fact]
    public void Page_DirectionSwitch_WalksOnlyCausesOrOnlyEffectsOfTheStart()
    {
        Seed();
        var page = RenderAt("lineage?event=shop.orders.events/0/0");
        Assert.Equal(5, page.FindAll("[data-testid=lineage-node]").Count);

        DirectionButton(page, "Causes").Click();

        page.WaitForAssertion(() => Assert.Equal(["shop.orders.commands/0/0", "shop.orders.events/0/0"], NodeIds(page)));
        DirectionButton(page, "Effects").Click();
        page.WaitForAssertion(() => Assert.Equal(
            ["shop.inventory.commands/0/0", "shop.orders.events/0/0", "shop.payments.commands/0/0", "shop.payments.events/0/0"], NodeIds(page)));
        DirectionButton(page, "Both").Click();
        page.WaitForAssertion(() => Assert.Equal(5, NodeIds(page).Length));
    }

    [Fact]
    public async Task Page_RestrictedUser_DrawsTheDeniedMessageAsAGreyHiddenStickyWithoutTypeOrIds()
    {
        Seed();
        var unrestricted = RenderAt("lineage?event=shop.payments.events/0/0").FindAll("[data-testid=lineage-node]").Count;
        User.Access = Restricted("shop.payments.commands");

        var page = RenderAt("lineage?event=shop.payments.events/0/0");

        Assert.Equal(unrestricted, page.FindAll("[data-testid=lineage-node]").Count);
        Assert.Equal(3, page.FindAll("[data-testid=lineage-edge]").Count);
        var hidden = Assert.Single(page.FindAll("[data-testid=lineage-node].eo-lg-hidden"));
        Assert.StartsWith("hidden/", hidden.GetAttribute("data-id"), StringComparison.Ordinal);
        Assert.Null(hidden.GetAttribute("data-topic"));
        Assert.Equal("Hidden", hidden.QuerySelector("text.eo-lg-type")!.TextContent);
        Assert.DoesNotContain("ChargePayment", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("shop.payments.commands", page.Markup, StringComparison.Ordinal);
        Assert.Contains("1 hidden", page.Find("[data-testid=lineage-summary]").TextContent);
        // The start's cause is the hidden message: its causation id is that message's own id.
        Assert.StartsWith("hidden", page.Find("[data-testid=lineage-detail-causation]").TextContent, StringComparison.Ordinal);

        await hidden.ClickAsync(new MouseEventArgs());

        Assert.Equal(LineageStyles.HiddenText, page.Find("[data-testid=lineage-detail-hidden]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=lineage-detail-expand]"));
        Assert.Empty(page.FindAll("[data-testid=lineage-detail-event]"));
    }

    [Fact]
    public async Task Page_UserWithoutRawValues_ShowsVisibleMessagesMasked()
    {
        Seed();
        User.Access = new UserAccess("viewer", isAuthenticated: true, [AccessRoles.Viewer], AllTopics.Instance, seesRawValues: false);
        var page = RenderAt("lineage?event=shop.payments.events/0/0");

        await ClickOnRendererAsync(page, "[data-id='shop.orders.events/0/0']");

        Assert.Contains(KeyMasker.MaskedKey, page.Find("[data-testid=lineage-detail]").TextContent, StringComparison.Ordinal);
        Assert.True(Masker.Calls > 0);
    }

    [Fact]
    public async Task Page_RestrictedUser_SuggestsAndFindsNothingOnDeniedTopics()
    {
        Seed();
        User.Access = Restricted("shop.payments.events");
        var page = RenderAt("lineage");

        page.Find("[data-testid=lineage-search] input").Input("m4");
        await page.Find("form").SubmitAsync(EventArgs.Empty);

        Assert.Empty(page.FindAll("[data-testid=lineage-suggestion]"));
        Assert.Contains("Nothing indexed matches 'm4'", page.Find("[data-testid=lineage-search-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_IndexCannotBeRead_SaysSoRatherThanNotFound()
    {
        Context.Services.AddSingleton(sp => new IndexReads(new BrokenIndex(), sp.GetRequiredService<ILogger<IndexReads>>()));

        var page = RenderAt("lineage?event=shop.payments.events/0/0");

        Assert.Contains(BrokenIndex.ErrorText, page.Find("[data-testid=lineage-error]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=lineage-not-found]"));
        Assert.Single(page.FindAll("[data-testid=lineage-search]"));
    }

    private static UserAccess Restricted(string denied) =>
        new("viewer", isAuthenticated: true, [AccessRoles.Viewer], new DeniedTopics(denied), seesRawValues: false);

    private static AngleSharp.Dom.IElement DirectionButton(IRenderedComponent<LineagePage> page, string text) =>
        page.Find("[data-testid=lineage-direction]").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);

    private static string[] NodeIds(IRenderedComponent<LineagePage> page) =>
        [.. page.FindAll("[data-testid=lineage-node]").Select(n => n.GetAttribute("data-id") ?? "").Order(StringComparer.Ordinal)];

    /// <summary>The page at <paramref name="relative"/>, once its reads (graph or suggestions, off the renderer's thread) are shown.</summary>
    private IRenderedComponent<LineagePage> RenderAt(string relative)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(relative);
        var page = Context.Render<LineagePage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=lineage-loading]")));
        return page;
    }

    /// <summary>PlaceOrder → OrderPlaced → ChargePayment → PaymentFailed, and OrderPlaced → ReserveStock on a fifth topic.</summary>
    private void Seed() => Indexes.OpenForCluster("c1").Write(
    [
        Message("shop.orders.commands", "PlaceOrder", MessageKind.Command, "m1", null, 0),
        Message("shop.orders.events", "OrderPlaced", MessageKind.Event, "m2", "m1", 35),
        Message("shop.payments.commands", "ChargePayment", MessageKind.Command, "m3", "m2", 60),
        Message("shop.payments.events", "PaymentFailed", MessageKind.Event, "m4", "m3", 400),
        Message("shop.inventory.commands", "ReserveStock", MessageKind.Command, "m5", "m2", 50),
    ]);

    private EventEnvelope Message(string topic, string type, MessageKind kind, string id, string? cause, long atMs) => new()
    {
        Topic = topic,
        Partition = 0,
        Offset = 0,
        TimestampMs = Time.GetUtcNow().ToUnixTimeMilliseconds() + atMs,
        Payload = Encoding.UTF8.GetBytes("{}"),
        PayloadFormat = PayloadFormat.Json,
        MessageId = id,
        MessageType = type,
        Kind = kind,
        CorrelationId = Correlation,
        CausationId = cause,
        TraceId = Correlation,
        Source = "/shop/" + topic,
    };
}
