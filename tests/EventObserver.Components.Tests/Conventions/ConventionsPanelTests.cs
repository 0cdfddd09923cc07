using System.Text;

using Bunit;

using EventObserver.Access;
using EventObserver.Components.Tests.Infrastructure;
using EventObserver.Core.Conventions;
using EventObserver.Core.Envelopes;
using EventObserver.Core.Selection;
using EventObserver.Features.Conventions;
using EventObserver.Shared;
using EventObserver.TestSupport.Access;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EventObserver.Components.Tests.Conventions;

/// <summary>The conventions panel and page over a real index and a fake clock.</summary>
public sealed class ConventionsPanelTests : DashboardTestContext
{
    private int _maxEvents = ConventionQueries.DefaultMaxEvents;

    private TestCurrentUser User { get; } = new();

    public ConventionsPanelTests()
    {
        Context.Services.AddSingleton(sp => new ConventionQueries(sp.GetRequiredService<IndexReads>(), Time, _maxEvents));
        Context.Services.AddSingleton<ICurrentUser>(User);
    }

    [Fact]
    public void Panel_RestrictedUser_ChecksOnlyTopicsTheyMayRead()
    {
        User.Access = new UserAccess(
            "viewer", isAuthenticated: true, [AccessRoles.Viewer], new DeniedTopics("inventory.events", "inventory.commands"), seesRawValues: false);
        Seed();

        var panel = RenderPanel();

        Assert.Equal(["audit.log", "order-service"], panel.FindAll("[data-testid=conventions-source-name]").Select(e => e.TextContent));
        Assert.DoesNotContain("inventory", panel.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("UpdateStockLevel", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Panel_Loaded_ShowsATablePerSourceMostFlaggedFirstWithCountsPerRule()
    {
        Seed();

        var panel = RenderPanel();

        Assert.Equal(["warehouse-sync", "audit.log", "order-service"], panel.FindAll("[data-testid=conventions-source-name]").Select(e => e.TextContent));
        var warehouse = panel.Find("[data-source='warehouse-sync']");
        Assert.Equal(
            ["2", "1", "0", "2", "0"],
            warehouse.QuerySelectorAll("[data-testid=conventions-count]").Select(e => e.TextContent));
        Assert.Contains("3 flagged (100 %)", warehouse.QuerySelector("[data-testid=conventions-source-flagged]")!.TextContent);
        Assert.Equal("order-service: no findings", panel.Find("[data-source='order-service'] [data-testid=conventions-source-expand]").TextContent.Trim());
        Assert.Contains("topic", panel.Find("[data-source='audit.log']").TextContent);
        Assert.Equal("2", panel.Find("[data-testid=conventions-totals] [data-rule=EventNotPastTense] .eo-cv-total-value").TextContent);
        Assert.Contains("7 messages checked", panel.Find("[data-testid=conventions-summary]").TextContent);
        Assert.Equal(
            "Last hour: 7 messages checked (sent 2025-03-01 11:30:00 – 11:56:00 UTC) · 5 flagged · 1 tombstone skipped",
            panel.Find("[data-testid=conventions-summary]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=conventions-capped]"));
        Assert.Contains("starts the conversation", panel.Find("[data-testid=conventions-explanation]").TextContent);
    }

    [Fact]
    public void Panel_ToggleARule_ShowsItsTypesAndExamplesLinkingToTheEventDetail()
    {
        Seed();
        var panel = RenderPanel();
        Assert.Empty(panel.FindAll("[data-testid=conventions-detail]"));

        panel.Find("[data-source='warehouse-sync'] [data-rule=EventNotPastTense] button").Click();

        var detail = panel.Find("[data-testid=conventions-detail]");
        Assert.Contains("UpdateStockLevel", detail.QuerySelector("[data-testid=conventions-types]")!.TextContent);
        Assert.Contains("× 2", detail.QuerySelector("[data-testid=conventions-types]")!.TextContent);
        Assert.Contains("reads as a command", detail.TextContent);
        Assert.Equal(
            ["events/inventory.events/1/0", "events/inventory.events/0/0"],
            detail.QuerySelectorAll("[data-testid=conventions-example]").Select(a => a.GetAttribute("href")));

        panel.Find("[data-source='warehouse-sync'] [data-rule=EventNotPastTense] button").Click();
        Assert.Empty(panel.FindAll("[data-testid=conventions-detail]"));
    }

    [Fact]
    public void Panel_RulesWithoutViolations_HaveNothingToExpand()
    {
        Seed();

        var panel = RenderPanel();

        Assert.Equal(2, panel.FindAll("[data-source='audit.log'] [data-testid=conventions-toggle]").Count);
        Assert.Empty(panel.FindAll("[data-source='audit.log'] [data-testid=conventions-source-expand]"));
    }

    [Fact]
    public void Panel_CleanSource_IsOneLineWithoutATable()
    {
        Seed();

        var panel = RenderPanel();

        var clean = panel.Find("[data-source='order-service']");
        Assert.Equal("true", clean.GetAttribute("data-clean"));
        Assert.Equal("false", clean.QuerySelector("[data-testid=conventions-source-expand]")!.GetAttribute("aria-expanded"));
        Assert.Contains("2 checked · 1 event · 1 command", clean.TextContent, StringComparison.Ordinal);
        Assert.Empty(clean.QuerySelectorAll("[data-testid=conventions-row]"));
        Assert.Null(panel.Find("[data-source='warehouse-sync']").GetAttribute("data-clean"));
        Assert.Equal(5, panel.FindAll("[data-source='warehouse-sync'] [data-testid=conventions-row]").Count);
    }

    [Fact]
    public void Panel_ExpandACleanSource_ShowsItsTableOfZerosAndFoldsBack()
    {
        Seed();
        var panel = RenderPanel();

        panel.Find("[data-source='order-service'] [data-testid=conventions-source-expand]").Click();

        var open = panel.Find("[data-source='order-service']");
        Assert.Null(open.GetAttribute("data-clean"));
        Assert.Equal(["0", "0", "0", "0", "0"], open.QuerySelectorAll("[data-testid=conventions-count]").Select(e => e.TextContent));
        Assert.Contains("all conventions kept", open.QuerySelector("[data-testid=conventions-source-flagged]")!.TextContent, StringComparison.Ordinal);

        panel.Find("[data-source='order-service'] [data-testid=conventions-source-expand]").Click();

        Assert.Equal("true", panel.Find("[data-source='order-service']").GetAttribute("data-clean"));
    }

    [Fact]
    public void Panel_OnlyACleanSourceAskedFor_ShowsItsTable()
    {
        Seed();

        var panel = RenderPanel(p => p.Add(c => c.Source, "order-service"));

        Assert.Null(panel.Find("[data-source='order-service']").GetAttribute("data-clean"));
        Assert.Equal(5, panel.FindAll("[data-source='order-service'] [data-testid=conventions-row]").Count);
    }

    [Fact]
    public void Panel_SourceParameter_ShowsOnlyThatSource()
    {
        Seed();

        var panel = RenderPanel(p => p.Add(c => c.Source, "audit.log"));

        Assert.Equal(["audit.log"], panel.FindAll("[data-testid=conventions-source-name]").Select(e => e.TextContent));
        Assert.Equal("0", panel.Find("[data-testid=conventions-totals] [data-rule=EventNotPastTense] .eo-cv-total-value").TextContent);
    }

    [Fact]
    public void Panel_WindowChanges_ReadsTheNewWindow()
    {
        Seed();
        var panel = RenderPanel(p => p.Add(c => c.Window, TimeWindow.FifteenMinutes));
        Assert.Equal(["audit.log", "warehouse-sync"], panel.FindAll("[data-testid=conventions-source-name]").Select(e => e.TextContent));
        Assert.Equal(["1", "1", "0", "1", "0"], panel.Find("[data-source='warehouse-sync']").QuerySelectorAll("[data-testid=conventions-count]").Select(e => e.TextContent));

        panel.Render(p => p.Add(c => c.Window, TimeWindow.OneHour));

        panel.WaitForAssertion(() => Assert.Equal(
            ["2", "1", "0", "2", "0"],
            panel.Find("[data-source='warehouse-sync']").QuerySelectorAll("[data-testid=conventions-count]").Select(e => e.TextContent)));
    }

    [Fact]
    public void Panel_EmptyIndex_SaysThereIsNothingInTheWindow()
    {
        Indexes.OpenForCluster("c1");

        var panel = RenderPanel();

        Assert.Contains("No messages in the last hour", panel.Find("[data-testid=conventions-empty]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=conventions-source]"));
    }

    [Fact]
    public void Panel_MoreThanTheCap_SaysOnlyTheNewestWereChecked()
    {
        _maxEvents = 3;
        Seed();

        var panel = RenderPanel();

        var capped = panel.Find("[data-testid=conventions-capped]").TextContent;
        Assert.Contains("holds 8 messages: only the newest 3 are checked", capped);
    }

    [Fact]
    public void Page_WindowInTheUrl_IsPickedAndUnknownOnesFallBackToTheHour()
    {
        Seed();

        var page = RenderPageAt("conventions?window=15m");

        Assert.Equal(TimeWindow.FifteenMinutes, page.Instance.Window);
        Assert.Equal(
            ["conventions?window=15m", "conventions?window=1h", "conventions?window=24h"],
            page.FindAll("[data-testid=conventions-window] a").Select(a => a.GetAttribute("href")));
        page.WaitForAssertion(() => Assert.Contains("Last 15 min: 4 messages checked", page.Find("[data-testid=conventions-summary]").TextContent));

        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("conventions?window=forever");

        page.WaitForAssertion(() => Assert.Equal(TimeWindow.OneHour, page.Instance.Window));
        page.WaitForAssertion(() => Assert.Contains("Last hour: 7 messages checked", page.Find("[data-testid=conventions-summary]").TextContent));
    }

    [Fact]
    public void Page_SourceInTheUrl_IsKeptWhenPickingAnotherWindow()
    {
        Seed();

        var page = RenderPageAt("conventions?window=1h&source=warehouse-sync");

        Assert.Equal("conventions?window=24h&source=warehouse-sync", page.Find("[data-window='24h']").GetAttribute("href"));
        page.WaitForAssertion(() => Assert.Equal(["warehouse-sync"], page.FindAll("[data-testid=conventions-source-name]").Select(e => e.TextContent)));
    }

    private IRenderedComponent<ConventionsPanel> RenderPanel(Action<ComponentParameterCollectionBuilder<ConventionsPanel>>? parameters = null)
    {
        var panel = Context.Render(parameters ?? (_ => { }));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Instance.Snapshot));
        panel.WaitForAssertion(() => Assert.False(panel.Instance.Loading));
        return panel;
    }

    private IRenderedComponent<ConventionsPage> RenderPageAt(string relative)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(relative);
        return Context.Render<ConventionsPage>();
    }

    /// <summary>
    /// Half an hour ago: a good order conversation and a badly named legacy event. Five minutes ago: another legacy
    /// event, a legacy command, two untyped log lines on a topic without source, and a tombstone.
    /// </summary>
    private void Seed()
    {
        var now = Time.GetUtcNow();
        Indexes.OpenForCluster("c1").Write(
        [
            Message("orders.commands", 0, now.AddMinutes(-30), "PlaceOrder", MessageKind.Command, "order-service", "c-1", null),
            Message("orders.events", 0, now.AddMinutes(-30).AddSeconds(1), "OrderPlaced", MessageKind.Event, "order-service", "c-1", "m-0"),
            Message("inventory.events", 0, now.AddMinutes(-29), "UpdateStockLevel", MessageKind.Event, "warehouse-sync", null, null),
            Message("inventory.events", 1, now.AddMinutes(-5), "UpdateStockLevel", MessageKind.Event, "warehouse-sync", null, null),
            Message("inventory.commands", 0, now.AddMinutes(-5).AddSeconds(1), "InventoryRecount", MessageKind.Command, "warehouse-sync", "c-9", null),
            Message("audit.log", 0, now.AddMinutes(-5).AddSeconds(2), null, MessageKind.Message, null, null, null),
            Message("audit.log", 1, now.AddMinutes(-5).AddSeconds(3), null, MessageKind.Message, null, null, null),
            new EventEnvelope
            {
                Topic = "orders.events",
                Partition = 0,
                Offset = 1,
                TimestampMs = now.AddMinutes(-4).ToUnixTimeMilliseconds(),
                PayloadFormat = PayloadFormat.Tombstone,
                MessageId = "orders.events/0/1",
                MessageIdDerived = true,
            },
        ]);
    }

    private static EventEnvelope Message(
        string topic, int partition, DateTimeOffset at, string? type, MessageKind kind, string? source, string? correlation, string? causation) => new()
        {
            Topic = topic,
            Partition = partition,
            Offset = 0,
            TimestampMs = at.ToUnixTimeMilliseconds(),
            Payload = Encoding.UTF8.GetBytes(type is null ? "log line" : "{}"),
            PayloadFormat = type is null ? PayloadFormat.Text : PayloadFormat.Json,
            MessageId = $"{topic}/{partition}/0",
            MessageType = type,
            Kind = kind,
            CorrelationId = correlation,
            CausationId = causation,
            Source = source,
        };
}
