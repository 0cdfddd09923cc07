using System.Text;
using System.Text.RegularExpressions;

using Deque.AxeCore.Playwright;

using EventObserver.EndToEnd.Tests.Infrastructure;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Conversations;

/// <summary>
/// An on-call engineer's path through the demo: /conversations lists the PlaceOrder process with stuck orders, the stuck
/// list says where one stopped, and its lineage link opens the conversation's graph. Needs the real tracker and the
/// demo's stalled orders (both registered by the real app).
/// </summary>
public sealed class ConversationsBrowserTests(ConversationsAppFixture fixture) : IClassFixture<ConversationsAppFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private IPage Page => fixture.Page;

    [ChromiumFact]
    public async Task Conversations_DemoStalledOrders_StuckListShowsOneAndItsLineageLinkOpensTheGraph()
    {
        await Page.GotoAsync("/conversations?process=" + ConversationsAppFixture.Process);
        await Assertions.Expect(Page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        var stuck = Page.Locator("[data-testid=conversation-row][data-status=stuck]");
        // The page re-reads every 2 s; a stalled order is stuck 4 s after it started.
        await BrowserPages.WaitForAsync(async () => await stuck.CountAsync() > 0, "a stuck PlaceOrder conversation in the list", seconds: 60);
        await Assertions.Expect(Page.GetByTestId("conversations-process")).ToHaveTextAsync(ConversationsAppFixture.Process);
        await Assertions.Expect(Page.Locator($"[data-testid=process-row][data-process={ConversationsAppFixture.Process}] [data-testid=process-deadline]"))
            .ToHaveTextAsync("4 s, configured");
        await BrowserPages.ScreenshotAsync(Page, "/tmp/conversations-1280.png", 1280, 900);
        var row = stuck.First;
        var key = (await row.GetAttributeAsync("data-key"))!;
        await Assertions.Expect(row.GetByTestId("conversation-where")).ToHaveTextAsync(new Regex(@"never answered by|stopped after"));
        await AssertNoSeriousAxeViolationsAsync();

        await Page.Locator($"[data-testid=conversation-row][data-key='{key}'] [data-testid=conversation-lineage]").ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/lineage\?correlation=" + Regex.Escape(Uri.EscapeDataString(key)) + "$"));
        await Assertions.Expect(Page.GetByTestId("lineage-node").First).ToBeVisibleAsync();
        Assert.True(await Page.GetByTestId("lineage-node").CountAsync() >= 2, "the stuck order's graph has its start and the step it stopped at");
        await BrowserPages.ScreenshotAsync(Page, "/tmp/conversations-lineage-1280.png", 1280, 900);
    }

    private async Task AssertNoSeriousAxeViolationsAsync()
    {
        var result = await Page.RunAxe();
        var found = result.Violations.Where(v => Blocking.Contains(v.Impact, StringComparer.Ordinal)).ToList();
        var report = new StringBuilder();
        foreach (var violation in found)
        {
            report.AppendLine(FormattableString.Invariant($"{violation.Id} [{violation.Impact}]: {string.Join(", ", violation.Nodes.Select(n => n.Html))}"));
        }

        Assert.True(found.Count == 0, $"axe found serious or critical violations on /conversations:\n{report}");
    }
}
