using System.Text.Json;
using System.Text.RegularExpressions;

using EventObserver.EndToEnd.Tests.Infrastructure;
using EventObserver.Kafka.Demo;
using EventObserver.TestSupport.Oidc;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace EventObserver.EndToEnd.Tests.Access;

/// <summary>
/// In Chromium: the app in <c>Auth:Mode=Oidc</c> against the OpenIddict test provider. Alice (<c>orders-team</c>, which
/// holds Viewer and may read <c>orders.*</c> only) signs in through the real authorization-code flow, sees only the
/// orders topics in the feed and the API, and signs out back to "sign-in required".
/// </summary>
/// <remarks>
/// Relies on the access-control contracts: an unauthenticated page request goes to <c>/account/sign-in</c>, which
/// challenges the <c>oidc</c> scheme; the layout names the signed-in user and has a "Sign out" button posting to
/// <c>/account/sign-out</c>, which signs out of the cookie and of <c>oidc</c>; the API answers 401 to anonymous calls;
/// the feed and <c>/api/topics</c> show only topics the user may read.
/// </remarks>
public sealed class OidcSignInBrowserTests : IAsyncLifetime
{
    private const string OrdersOnly = @"orders\..*";

    private TestIdentityProvider? _provider;
    private LiveAppFactory? _app;
    private BrowserSession? _browser;

    private TestIdentityProvider Provider => _provider ?? throw Missing();

    private LiveAppFactory App => _app ?? throw Missing();

    private IPage Page => (_browser ?? throw Missing()).Page;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            return;
        }

        _provider = await TestIdentityProvider.StartAsync();
        var authority = _provider.Authority.ToString();
        _app = new LiveAppFactory(web =>
        {
            web.UseSetting("EventObserver:Auth:Mode", "Oidc");
            web.UseSetting("EventObserver:Auth:Oidc:Authority", authority);
            web.UseSetting("EventObserver:Auth:Oidc:ClientId", TestIdentityProvider.ClientId);
            web.UseSetting("EventObserver:Auth:Oidc:ClientSecret", TestIdentityProvider.ClientSecret);
            web.UseSetting("EventObserver:Auth:Oidc:RequireHttpsMetadata", "false");
            web.UseSetting("EventObserver:Auth:Roles:Viewer:0", "orders-team");
            web.UseSetting("EventObserver:Auth:Roles:Admin:0", "ops-team");
            web.UseSetting("EventObserver:Auth:TopicAccess:0:Group", "orders-team");
            web.UseSetting("EventObserver:Auth:TopicAccess:0:Allow:0", OrdersOnly);
        });
        _app.StartServer();
        _browser = await BrowserSession.StartAsync(_app.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [ChromiumFact]
    public async Task OidcMode_OrdersTeamMemberSignsInAtTheProvider_SeesOnlyOrdersTopicsThenSignsOut()
    {
        var page = Page;
        var loginForm = new Regex("^" + Regex.Escape(new Uri(Provider.Authority, TestIdentityProvider.LoginPath).ToString()));

        // Anonymous: the feed sends the browser through the app's sign-in to the provider's login form.
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(loginForm);
        await page.GetByLabel("User name").FillAsync(TestIdentityProvider.Alice.Name);
        await page.GetByLabel("Password").FillAsync(TestIdentityProvider.Alice.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Code → token → cookie: back on the app's feed, live, as alice.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(App.BaseAddress.ToString())));
        await Assertions.Expect(page.GetByTestId("circuit-state")).ToHaveTextAsync(new Regex("Live"));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(TestIdentityProvider.Alice.Name);

        var rows = page.GetByTestId("feed-row");
        await BrowserPages.WaitForAsync(async () => await rows.CountAsync() >= 10, "at least 10 feed rows");
        var feedTopics = await rows.EvaluateAllAsync<string[]>("rows => [...new Set(rows.map(r => r.dataset.id.split('/').slice(0, -2).join('/')))]");
        Assert.All(feedTopics, topic => Assert.Matches("^" + OrdersOnly + "$", topic));

        // The REST API, called with the browser's session, agrees; the demo writes to every other topic too.
        var topics = await ReadJsonAsync(page, "/api/topics");
        var names = topics.EnumerateArray().Select(t => t.GetProperty("name").GetString() ?? "").ToList();
        Assert.Contains(DemoTopics.OrderEvents, names);
        Assert.All(names, topic => Assert.Matches("^" + OrdersOnly + "$", topic));

        // Sign-out ends the app's session and, through the end-session endpoint, the provider's.
        var signOuts = Provider.SignOuts;
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await BrowserPages.WaitForAsync(() => Task.FromResult(Provider.SignOuts > signOuts), "the provider's end-session endpoint");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var anonymous = await page.APIRequest.GetAsync("/api/events?limit=1");
        Assert.Equal(401, anonymous.Status);
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(loginForm);
    }

    private static async Task<JsonElement> ReadJsonAsync(IPage page, string url)
    {
        var response = await page.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"{url}: {response.Status}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    private static InvalidOperationException Missing() =>
        new($"{ChromiumFactAttribute.ChromiumPath} is missing; CI must install it (apt-get install chromium).");
}
