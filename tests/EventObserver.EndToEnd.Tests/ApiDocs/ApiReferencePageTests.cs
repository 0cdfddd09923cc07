using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;
using EventObserver.TestSupport;

using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.ApiDocs;

/// <summary>The API reference page in real Chromium, as a new user tries it: offline, under the page's policy, against the demo.</summary>
public sealed class ApiReferencePageTests(LiveAppFixture fixture) : IClassFixture<LiveAppFixture>
{
    private const string ViolationRecorder =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    // Zod (inside Scalar's bundle) probes once with `Function('')` whether it may compile validators, catches the refusal
    // and validates without; that probe is the one violation the page causes, and the policy keeps refusing eval.
    private const string ZodEvalProbe = "script-src eval";

    private const string ListEvents = "Events matching a selection, newest first.";

    [ChromiumFact]
    public async Task ApiDocs_FindListEventsAndTryIt_ShowsDemoEventsWithNoRequestLeavingTheMachine()
    {
        await DemoEventsIndexedAsync();
        var page = fixture.Page;
        var leaving = new List<string>();
        // Every request that would leave the machine fails, and is recorded: the page must not need the internet.
        await page.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).IsLoopback)
            {
                await route.ContinueAsync();
            }
            else
            {
                leaving.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        await page.AddInitScriptAsync(ViolationRecorder);

        await page.GotoAsync("/");
        // Click once the circuit is live, as the other browser tests do: in one CI run a click made right after the load
        // did not navigate (the URL stayed "/" for 20 s), presumably while the circuit was still connecting.
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "REST API" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/api-docs/$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Events", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = ListEvents }).ClickAsync();
        var operation = page.Locator("section").Filter(new() { HasText = ListEvents }).Last;
        await Assertions.Expect(operation).ToContainTextAsync("/api/events");
        await operation.GetByRole(AriaRole.Button, new() { Name = "Test Request" }).ClickAsync();
        var sent = await page.RunAndWaitForResponseAsync(
            // The visible "Send" button of the client (its label is aria-hidden, so it has no accessible name to find it by).
            () => page.Locator("[data-addressbar-action=send]").Locator("visible=true").ClickAsync(),
            r => new Uri(r.Url).AbsolutePath == "/api/events");
        var events = JsonSerializer.Deserialize<JsonElement[]>(await sent.TextAsync()) ?? [];
        var shown = events.Length > 0 ? events[0].GetProperty("messageId").GetString()! : "(no event)";
        await Assertions.Expect(page.GetByText(shown, new() { Exact = false }).First).ToBeVisibleAsync();
        var violations = await page.EvaluateAsync<string[]>("() => window.__csp");
        await page.UnrouteAllAsync();

        Assert.Equal(200, sent.Status);
        Assert.NotEmpty(events);
        Assert.Empty(leaving);
        Assert.All(violations, v => Assert.StartsWith(ZodEvalProbe, v, StringComparison.Ordinal));
    }

    private async Task DemoEventsIndexedAsync()
    {
        using var client = fixture.App.CreateClient();
        await Eventually.MatchAsync(
            () => client.GetFromJsonAsync<JsonElement[]>("/api/events?limit=1").GetAwaiter().GetResult() ?? [],
            e => e.Length > 0,
            "a demo event",
            TimeSpan.FromSeconds(30));
    }
}
