using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;
using EventObserver.EndToEnd.Tests.Replay;
using EventObserver.Features.Replay.Runs;
using EventObserver.TestSupport;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Security;

/// <summary>In real Chromium: every page works under the Content-Security-Policy, and another site's page can neither start a replay nor read the hub.</summary>
public sealed class BrowserSecurityTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    // Records violations in every document before its own scripts run (init scripts are not subject to the page's policy).
    private const string ViolationRecorder =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    [ChromiumFact]
    public async Task EveryPage_UnderThePolicy_WorksWithoutViolations()
    {
        var page = fixture.Page;
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                console.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.AddInitScriptAsync(ViolationRecorder);
        var violations = new List<string>();
        var position = await DemoEventAsync();

        foreach (var url in new[] { "/", "/topics", "/flows", "/conventions", $"/lineage?event={Uri.EscapeDataString(position)}", $"/events/{position}", "/replay" })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
            if (url == "/replay")
            {
                // Monaco: its scripts, styles, fonts and (on typing) its workers.
                var editor = await ReplayPage.MonacoAsync(page);
                await editor.Locator(".view-lines").ClickAsync();
                await page.Keyboard.TypeAsync("const total = 1;");
                await Assertions.Expect(editor).ToContainTextAsync("const total");
                await page.WaitForTimeoutAsync(1500);
            }
            else
            {
                await page.WaitForTimeoutAsync(500);
            }

            violations.AddRange((await page.EvaluateAsync<string[]>("() => window.__csp")).Select(v => $"{url}: {v}"));
        }

        // Blazor's enhanced navigation (menu links) patches the same document instead of loading a new one.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        foreach (var item in new[] { "Topics", "Lineage", "Replay", "Live feed" })
        {
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(item);
        }

        violations.AddRange((await page.EvaluateAsync<string[]>("() => window.__csp")).Select(v => $"menu: {v}"));

        Assert.Empty(violations);
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
            || m.Contains("Refused to", StringComparison.Ordinal)
            || m.Contains("web worker", StringComparison.OrdinalIgnoreCase));
    }

    [ChromiumFact]
    public async Task HostilePage_AutoSubmittedTextPlainFormAndHubSocket_AreRefused()
    {
        var app = fixture.App.BaseAddress;
        var socketUrl = new UriBuilder(new Uri(app, "hubs/events")) { Scheme = "ws" }.Uri;
        // What a text/plain form sends: name + "=" + value, here a JSON replay request.
        var form = $$"""
            <!doctype html><title>form</title>
            <form method="post" enctype="text/plain" action="{{new Uri(app, "api/replays")}}">
            <input name='{"selection":{},"projection":"({ $any: (s, e) => {} })","label":"hostile","x":"' value='"}'>
            </form>
            <script>document.forms[0].submit();</script>
            """;
        var socket = $$"""
            <!doctype html><title>socket</title>
            <script>
            const ws = new WebSocket("{{socketUrl}}");
            ws.onopen = () => document.title = "open";
            ws.onerror = () => document.title = "refused";
            </script>
            """;
        await using var site = await HostileSite.StartAsync(new Dictionary<string, string> { ["/form"] = form, ["/socket"] = socket });
        var page = fixture.Page;
        var runs = fixture.App.Services.GetRequiredService<ReplayRunManager>();

        var submitted = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync(new Uri(site.Address, "form").ToString()),
            r => r.Url.EndsWith("/api/replays", StringComparison.Ordinal));
        var submittedBody = await submitted.TextAsync();
        await page.GotoAsync(new Uri(site.Address, "socket").ToString());
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^(open|refused)$"));

        Assert.Equal(403, submitted.Status);
        Assert.Contains("EventObserver:Security:AllowedOrigins", submittedBody, StringComparison.Ordinal);
        Assert.DoesNotContain(runs.List(), r => r.Label == "hostile");
        Assert.Equal("refused", await page.TitleAsync());
    }

    private async Task<string> DemoEventAsync()
    {
        using var client = fixture.App.CreateClient();
        var events = await Eventually.MatchAsync(
            () => client.GetFromJsonAsync<JsonElement[]>("/api/events?limit=1").GetAwaiter().GetResult() ?? [],
            e => e.Length > 0,
            "a demo event",
            TimeSpan.FromSeconds(30));
        var e = events[0];
        return $"{e.GetProperty("topic").GetString()}/{e.GetProperty("partition").GetInt32()}/{e.GetProperty("offset").GetInt64()}";
    }
}
