using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

using EventObserver.EndToEnd.Tests.Infrastructure;
using EventObserver.TestSupport;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Accessibility;

/// <summary>
/// axe-core over every main page of the embedded demo: a serious or critical violation (WCAG A/AA and best practice)
/// fails the test with the rule, its impact and where it sits, for every page at once.
/// </summary>
public sealed class AxeTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    // Where a developer reads the last run: the summary, and every failing element with axe's explanation.
    private static readonly string Summary = Path.Combine(Path.GetTempPath(), "eventobserver-axe.txt");

    private static readonly string Details = Path.Combine(Path.GetTempPath(), "eventobserver-axe-details.txt");

    [ChromiumFact]
    public async Task Axe_EveryMainPage_HasNoSeriousOrCriticalViolations()
    {
        var page = fixture.Page;
        var position = await FindDemoEventAsync();
        var pages = new (string Name, string Url, Func<IPage, Task> Ready)[]
        {
            ("feed", "/", p => Assertions.Expect(p.GetByTestId("feed-row").First).ToBeVisibleAsync()),
            ("detail", $"/events/{position}", p => Assertions.Expect(p.GetByTestId("event-title")).ToBeVisibleAsync()),
            ("lineage", $"/lineage?event={Uri.EscapeDataString(position)}", p => Assertions.Expect(p.GetByTestId("lineage-node").First).ToBeVisibleAsync()),
            ("flows", "/flows", p => Assertions.Expect(p.GetByTestId("flow-lane").First).ToBeVisibleAsync()),
            ("conventions", "/conventions", p => Assertions.Expect(p.GetByTestId("conventions-summary")).ToBeVisibleAsync()),
            ("topics", "/topics", p => Assertions.Expect(p.GetByTestId("topic-name").First).ToBeVisibleAsync()),
            ("replay", "/replay", p => Assertions.Expect(p.GetByTestId("selection-count")).ToBeVisibleAsync()),
            ("conversations", "/conversations", p => Assertions.Expect(p.GetByTestId("conversations-summary")).ToBeVisibleAsync()),
        };

        var report = new StringBuilder();
        var detail = new StringBuilder();
        var blocking = 0;
        foreach (var (name, url, ready) in pages)
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
            await ready(page);

            var result = await page.RunAxe();

            var found = result.Violations.Where(v => Blocking.Contains(v.Impact, StringComparer.Ordinal)).ToList();
            blocking += found.Count;
            report.AppendLine(FormattableString.Invariant($"{name} ({url}): {found.Count} serious/critical, {result.Violations.Length - found.Count} other"));
            foreach (var violation in result.Violations)
            {
                report.AppendLine(FormattableString.Invariant($"  {violation.Id} [{violation.Impact}] ×{violation.Nodes.Length}: {Targets(violation)}"));
                foreach (var node in violation.Nodes)
                {
                    detail.AppendLine(FormattableString.Invariant($"{name} {violation.Id} {node.Target}\n  {node.Html}\n  {Messages(node)}"));
                }
            }
        }

        await File.WriteAllTextAsync(Summary, report.ToString());
        await File.WriteAllTextAsync(Details, detail.ToString());
        Assert.True(blocking == 0, $"axe found {blocking} serious or critical rule violations:\n{report}");
    }

    [ChromiumFact]
    public async Task Keyboard_TabToTimelineBarAndFeedRow_ShowsFocusAndEnterLoadsHistory()
    {
        var page = fixture.Page;
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        await Assertions.Expect(page.GetByTestId("timeline-bar").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("feed-row").First).ToBeVisibleAsync();

        // Clicking plain text sets where the next Tab starts, as a user's click would.
        await page.Locator(".eo-timeline-head").ClickAsync(new() { Position = new() { X = 2, Y = 2 } });
        // Enter below loads the history up to the bar before the newest: that bar must hold events, also after the
        // chart moves on by one bar (a just-started demo's first bars are empty).
        await BrowserPages.WaitForAsync(
            () => page.EvaluateAsync<bool>("() => { const b = [...document.querySelectorAll('[data-testid=timeline-bar]')]; return b.length > 3 && Number(b[b.length - 3].dataset.count) > 0; }"),
            "three bars of demo traffic in the chart");
        await TabToAsync(page, "timeline-bar");
        var bars = await page.GetByTestId("timeline-bar").CountAsync();
        Assert.Equal(bars - 1, await FocusedBarAsync(page));
        await page.Keyboard.PressAsync("ArrowLeft");
        await BrowserPages.WaitForAsync(async () => await FocusedBarAsync(page) == bars - 2, "ArrowLeft to focus the bar before the newest");
        var hitStroke = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement.querySelector('.eo-timeline-hit')).stroke");
        Assert.NotEqual("none", hitStroke);
        await BrowserPages.ScreenshotAsync(page, "/tmp/a11y-focus-bar.png", 1024, 700);

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("feed-state")).ToHaveTextAsync("Paused");
        await Assertions.Expect(page.GetByTestId("history-note")).ToContainTextAsync("History up to");
        // The history's rows arrive after the note: Tab can only reach rows that are there.
        await Assertions.Expect(page.GetByTestId("feed-row").First).ToBeVisibleAsync();

        // One tab stop for the whole chart: the feed rows are a few presses away, not sixty.
        await TabToAsync(page, "feed-row");
        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.Equal("solid 2px", outline);
        await BrowserPages.ScreenshotAsync(page, "/tmp/a11y-focus-row.png", 1024, 700);
    }

    private static Task<int> FocusedBarAsync(IPage page) =>
        page.EvaluateAsync<int>("() => [...document.querySelectorAll('[data-testid=timeline-bar]')].indexOf(document.activeElement)");

    /// <summary>Presses Tab until an element with the test id has the focus: proves it is in the keyboard order.</summary>
    private static async Task TabToAsync(IPage page, string testId)
    {
        var passed = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return e ? (e.getAttribute('data-testid') ?? e.tagName + '.' + e.className) : ''; }");
            if (focused == testId)
            {
                return;
            }

            passed.Add(focused);
        }

        Assert.Fail($"{testId} was not reached with 30 presses of Tab; focus went to {string.Join(", ", passed)}.");
    }

    private static string Targets(AxeResultItem violation) =>
        string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Target?.ToString() ?? "?"));

    private static string Messages(AxeResultNode node) =>
        string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message));

    /// <summary>A demo order event whose lineage has more than one message (the demo's first conversations arrive within seconds).</summary>
    private async Task<string> FindDemoEventAsync()
    {
        using var client = fixture.App.CreateClient();
        return await Eventually.MatchAsync(
            () =>
            {
                var events = client.GetFromJsonAsync<JsonElement[]>("/api/events?type=OrderPlaced&limit=1").GetAwaiter().GetResult() ?? [];
                return events.Select(e => $"{e.GetProperty("topic").GetString()}/{e.GetProperty("partition").GetInt32()}/{e.GetProperty("offset").GetInt64()}").FirstOrDefault();
            },
            id => id is not null,
            "a demo OrderPlaced event",
            TimeSpan.FromSeconds(30)) ?? "";
    }
}
