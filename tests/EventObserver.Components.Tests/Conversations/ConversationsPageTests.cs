using Bunit;

using EventObserver.Access;
using EventObserver.Core.Conversations;
using EventObserver.Features.Conversations;
using EventObserver.TestSupport.Access;
using EventObserver.TestSupport.Conversations;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

using static EventObserver.TestSupport.Conversations.ConversationSamples;

namespace EventObserver.Components.Tests.Conversations;

public sealed class ConversationsPageTests : ConversationsTestContext
{
    [Fact]
    public void Page_Processes_ShowsEachWithCountsPercentilesDeadlineAndStuckChart()
    {
        var page = RenderAt("conversations");

        Assert.Equal([Shop, Ledger], page.FindAll("[data-testid=process-name]").Select(b => b.TextContent));
        Assert.Equal(["2", "1"], Cells(page, "process-stuck"));
        Assert.Equal(["40", "0"], Cells(page, "process-started"));
        Assert.Equal(["1 s", "—"], Cells(page, "process-p50"));
        Assert.Equal(["9 s", "—"], Cells(page, "process-p95"));
        Assert.Equal(["2 min, configured", "suggested 45 s from p99 of 312 completed"], Cells(page, "process-deadline"));
        var charts = page.FindAll("[data-testid=stuck-chart]");
        Assert.Equal(2, charts[0].QuerySelector("polyline")!.GetAttribute("points")!.Split(' ').Length);
        Assert.Null(charts[1].QuerySelector("polyline"));
        Assert.Contains("3 of 100,000 open conversations tracked", page.Find("[data-testid=conversations-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_NoProcessChosen_SelectsTheMostStuckAndListsItsStuckWithWhereTheyStoppedAndLinks()
    {
        var page = RenderAt("conversations");

        Assert.Equal(Shop, page.Find("[data-testid=conversations-process]").TextContent);
        Assert.Equal(["order-stuck", "order-secret"], Keys(page));
        var row = page.Find("[data-testid=conversation-row][data-key=order-stuck]");
        Assert.Equal("5 min", row.QuerySelector("[data-testid=conversation-age]")!.TextContent.Trim());
        Assert.Equal("ShipOrder from order-service", Squash(row.QuerySelector("[data-testid=conversation-last]")!.TextContent));
        Assert.Equal("ShipOrder never answered by shipping-service", row.QuerySelector("[data-testid=conversation-where]")!.TextContent);
        Assert.Equal("lineage?correlation=order-stuck", row.QuerySelector("[data-testid=conversation-lineage]")!.GetAttribute("href"));
        Assert.Equal("replay?correlationId=order-stuck", row.QuerySelector("[data-testid=conversation-replay]")!.GetAttribute("href"));
    }

    [Fact]
    public void Page_ProcessParameter_SelectsThatProcess()
    {
        var page = RenderAt("conversations?process=" + Ledger);

        Assert.Equal(Ledger, page.Find("[data-testid=conversations-process]").TextContent);
        Assert.Equal(["ledger-stuck"], Keys(page));
        Assert.Equal("true", page.Find($"[data-testid=process-row][data-process={Ledger}] button").GetAttribute("aria-pressed"));
        Assert.Empty(page.FindAll("[data-testid=conversations-unknown]"));
    }

    [Fact]
    public void Page_UnknownProcessParameter_SaysSoAndShowsTheMostStuckInstead()
    {
        var page = RenderAt("conversations?process=Nothing");

        Assert.Equal("No process 'Nothing' is known.", page.Find("[data-testid=conversations-unknown]").TextContent);
        Assert.Equal(Shop, page.Find("[data-testid=conversations-process]").TextContent);
    }

    [Fact]
    public void Page_ClickingAProcess_ListsItsConversations()
    {
        var page = RenderAt("conversations");

        page.Find($"[data-testid=process-row][data-process={Ledger}] button").Click();

        Assert.Equal(Ledger, page.Find("[data-testid=conversations-process]").TextContent);
        Assert.Equal(["ledger-stuck"], Keys(page));
    }

    [Theory]
    [InlineData("completed", "order-done")]
    [InlineData("open", "order-open")]
    public void Page_StatusChoice_ListsThatStatusOnly(string status, string key)
    {
        var page = RenderAt("conversations");

        page.Find($"[data-testid=conversations-status] [data-status={status}]").Click();

        Assert.Equal([key], Keys(page));
        Assert.Equal(status == "completed" ? 1 : 0, page.FindAll("[data-testid=conversation-late]").Count);
        Assert.Equal("true", page.Find($"[data-testid=conversations-status] [data-status={status}]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Page_StatusWithNothing_SaysSo()
    {
        var page = RenderAt("conversations?process=" + Ledger);

        page.Find("[data-testid=conversations-status] [data-status=failed]").Click();

        Assert.Empty(Keys(page));
        Assert.Equal("No recently failed conversations.", page.Find("[data-testid=conversations-none]").TextContent);
    }

    [Fact]
    public void Page_WindowChoice_AsksTheViewForThatWindow()
    {
        var page = RenderAt("conversations");
        Assert.DoesNotContain(TimeSpan.FromHours(6), View.Windows);

        page.Find("[data-testid=conversations-window] [data-window='6h']").Click();

        Assert.Equal(TimeSpan.FromHours(6), View.LastWindow);
        Assert.Contains("last 6h", page.Find("[data-testid=conversations-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_RestrictedUser_SeesNeitherHiddenProcessesNorConversationsTouchingHiddenTopics()
    {
        CurrentUser.Access = new UserAccess("rita", isAuthenticated: true, [AccessRoles.Viewer], new DeniedTopics("vault.ledger"), seesRawValues: false);

        var page = RenderAt("conversations?process=" + Ledger);

        Assert.Equal([Shop], page.FindAll("[data-testid=process-name]").Select(b => b.TextContent));
        Assert.Equal(["order-stuck"], Keys(page));
        Assert.DoesNotContain("vault", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("order-secret", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_Overflowed_ShowsHowManyWereDroppedAtTheCap()
    {
        var page = RenderAt("conversations");

        Assert.StartsWith("7 dropped (cap reached)", page.Find("[data-testid=conversations-overflow]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_NotOverflowed_HasNoDroppedNotice()
    {
        View.Current = View.Current with { Overflowed = 0 };

        var page = RenderAt("conversations");

        Assert.Empty(page.FindAll("[data-testid=conversations-overflow]"));
    }

    [Fact]
    public void Page_NoProcesses_ExplainsWhatMonitoringNeeds()
    {
        View.Current = new ConversationsOverview { Capacity = 100_000, MessagesObserved = 12 };

        var page = RenderAt("conversations");

        var empty = Squash(page.Find("[data-testid=conversations-empty]").TextContent);
        Assert.Contains("correlation id", empty, StringComparison.Ordinal);
        Assert.Contains("few minutes of traffic", empty, StringComparison.Ordinal);
        Assert.Contains("EventObserver:Monitoring:Processes", empty, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=conversations-detail]"));
    }

    [Fact]
    public void Page_MonitoringOff_ShowsOneLineNamingTheSettingAndAsksTheViewNothing()
    {
        Monitoring.Enabled = false;

        var page = RenderAt("conversations");

        Assert.Contains("EventObserver:Monitoring:Enabled", page.Find("[data-testid=conversations-off]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=conversations-processes]"));
        Assert.Null(View.LastWindow);
    }

    [Fact]
    public async Task Page_LiveRefresh_RereadsEveryTwoSecondsAndStopsWhenDisposed()
    {
        var page = RenderAt("conversations");
        var now = Time.GetUtcNow();
        View.Tracked.Add(Conversation("order-new", Shop, ConversationStatus.Stuck, now.AddMinutes(-3), "ReserveStock", "order-service", "shop.orders", 60, null));

        Time.Advance(ConversationsPage.RefreshPeriod - TimeSpan.FromMilliseconds(100));
        Assert.DoesNotContain("order-new", Keys(page));
        await AdvanceUntilAsync(() => page.Instance.Refreshes >= 1, "the page's first refresh");

        page.WaitForAssertion(() => Assert.Contains("order-new", Keys(page)));
        page.Instance.Dispose();
        var refreshes = page.Instance.Refreshes;
        Time.Advance(ConversationsPage.RefreshPeriod * 3);
        Assert.Equal(refreshes, page.Instance.Refreshes);
    }

    private IRenderedComponent<ConversationsPage> RenderAt(string relative)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(relative);
        return Context.Render<ConversationsPage>();
    }

    private static List<string> Keys(IRenderedComponent<ConversationsPage> page) =>
        [.. page.FindAll("[data-testid=conversation-row]").Select(r => r.GetAttribute("data-key")!)];

    private static List<string> Cells(IRenderedComponent<ConversationsPage> page, string testId) =>
        [.. page.FindAll($"[data-testid={testId}]").Select(c => c.TextContent.Trim())];

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
