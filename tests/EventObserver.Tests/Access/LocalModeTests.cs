using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using EventObserver.Access;
using EventObserver.Access.Authentication;

namespace EventObserver.Tests.Access;

/// <summary>Auth:Mode=Local through the real pipeline: sign-in page, session cookie, lockout, refusals, sign-out, audit.</summary>
public sealed class LocalModeTests(LocalModeFixture fixture) : IClassFixture<LocalModeFixture>
{
    [Fact]
    public async Task Page_NotSignedIn_RedirectsToSignInWithTheReturnUrl()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/topics?x=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?returnUrl=%2Ftopics%3Fx%3D1", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignIn_RightPassword_SetsALaxHttpOnlySessionCookieAndReturnsToTheLocalUrl()
    {
        using var client = fixture.CreateClient();

        using var response = await BrowserSession.SignInAsync(client, "alice", TestAuthOptions.AlicePassword, returnUrl: "/topics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/topics", PathOf(response));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccessSchemes.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        using var topics = await client.GetAsync("/topics");
        Assert.Equal(HttpStatusCode.OK, topics.StatusCode);
        Assert.Contains(fixture.Audit.Entries, e => e is { Action: AuditAction.SignIn, Actor: "alice", Succeeded: true });
    }

    [Fact]
    public async Task SignIn_OverHttps_MarksTheCookieSecure()
    {
        using var client = fixture.CreateClient(new Uri("https://localhost"));

        using var response = await BrowserSession.SignInAsync(client, "alice", TestAuthOptions.AlicePassword);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccessSchemes.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesToTheRootInstead()
    {
        using var client = fixture.CreateClient();

        using var response = await BrowserSession.SignInAsync(client, "alice", TestAuthOptions.AlicePassword, returnUrl: "//evil.example/x");

        Assert.Equal("/", PathOf(response));
        Assert.Equal("localhost", new Uri(new Uri("http://localhost"), response.Headers.Location!).Host);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUser_ShowsTheSameMessageAndIsAudited()
    {
        using var client = fixture.CreateClient();

        using var wrong = await BrowserSession.SignInAsync(client, "oscar", "not it");
        using var unknown = await BrowserSession.SignInAsync(client, "nobody-" + Guid.NewGuid().ToString("N")[..6], "not it");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(LocalSignIn.WrongCredentials, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(LocalSignIn.WrongCredentials, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(wrong.Headers.Contains("Set-Cookie") && wrong.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(AccessSchemes.CookieName, StringComparison.Ordinal)));
        Assert.Contains(fixture.Audit.Entries, e => e is { Action: AuditAction.SignInFailed, Actor: "oscar", Succeeded: false, Detail: "wrong password" });
    }

    [Fact]
    public async Task SignIn_ThirdFailure_LocksTheNameOut()
    {
        using var client = fixture.CreateClient();
        var name = "locked-" + Guid.NewGuid().ToString("N")[..6];

        for (var i = 0; i < 2; i++)
        {
            using var _ = await BrowserSession.SignInAsync(client, name, "guess");
        }

        using var third = await BrowserSession.SignInAsync(client, name, "guess");

        Assert.Contains("Too many failed sign-ins", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_SignedInWithoutTheRole_Is403WithTheRoleNamed()
    {
        using var client = fixture.CreateClient();
        await BrowserSession.SignInOrFailAsync(client, "alice", TestAuthOptions.AlicePassword);

        using var response = await client.GetAsync("/replay");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("403 — you need the Operator role", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"selection-panel\"", html, StringComparison.Ordinal);
        Assert.Contains(fixture.Audit.Entries, e => e is { Action: AuditAction.AccessDenied, Actor: "alice", Target: "GET /replay" });
    }

    [Fact]
    public async Task Layout_SignedIn_ShowsTheUserTheirHighestRoleAndSignOut()
    {
        using var client = fixture.CreateClient();
        await BrowserSession.SignInOrFailAsync(client, "oscar", LocalModeFixture.OscarPassword);

        var html = await client.GetStringAsync("/replay");

        Assert.Matches("data-testid=\"user-badge\"[^>]*>[\\s\\S]*?oscar · Operator", html);
        Assert.Contains("data-testid=\"sign-out-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithTheLayoutsToken_EndsTheSessionAndIsAudited()
    {
        using var client = fixture.CreateClient();
        await BrowserSession.SignInOrFailAsync(client, "oscar", LocalModeFixture.OscarPassword);
        var token = await BrowserSession.AntiforgeryTokenAsync(client);

        using var signOut = await client.PostAsync(AccessSchemes.SignOutPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/sign-in?signedOut=true", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains(fixture.Audit.Entries, e => e is { Action: AuditAction.SignOut, Actor: "oscar" });
    }

    [Fact]
    public async Task SignOut_WithoutToken_IsRefused()
    {
        using var client = fixture.CreateClient();
        await BrowserSession.SignInOrFailAsync(client, "oscar", LocalModeFixture.OscarPassword);

        using var signOut = await client.PostAsync(AccessSchemes.SignOutPath, new FormUrlEncodedContent([]));
        using var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Api_Anonymous_Is401ProblemNotARedirect()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/api/events");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Api_InvalidKey_Is401SayingSo()
    {
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-key");

        using var response = await client.GetAsync("/api/events");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The API key is not valid.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_BearerKey_IsTheKeysClient()
    {
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", LocalModeFixture.Keys[AccessRoles.Viewer]);

        using var response = await client.GetAsync("/api/events");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_WrongRole_Is403ProblemWithTheReasonAndAudited()
    {
        using var client = fixture.KeyClient(AccessRoles.Viewer);

        using var response = await client.PostAsJsonAsync("/api/replays", new { selection = new { topic = LocalModeFixture.Topic }, template = "count" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("You need the Operator role for this.", problem.GetProperty("detail").GetString());
        Assert.Contains(fixture.Audit.Entries, e => e is { Action: AuditAction.AccessDenied, Actor: "viewer-client", Target: "POST /api/replays" });
    }

    [Fact]
    public async Task Api_RealPublishAsOperator_Is403NamingPublisher()
    {
        using var client = fixture.KeyClient(AccessRoles.Operator);

        using var response = await client.PostAsJsonAsync("/api/replays", new { selection = new { topic = LocalModeFixture.Topic }, publish = new { targetTopic = "copy", dryRun = false } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Publisher role", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_PublishAsPublisher_PassesTheRoleCheck()
    {
        using var client = fixture.KeyClient(AccessRoles.Publisher);

        using var response = await client.PostAsJsonAsync("/api/replays", new { selection = new { topic = LocalModeFixture.Topic }, publish = new { targetTopic = "copy", dryRun = false } });

        // Publishing is off in this app: the publish guard's refusal, not the role's.
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Publisher role", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_CookieSessionPostWithoutAntiforgeryToken_Is400_WithTheToken_Passes()
    {
        using var client = fixture.CreateClient();
        await BrowserSession.SignInOrFailAsync(client, "alice", TestAuthOptions.AlicePassword);
        var token = await BrowserSession.AntiforgeryTokenAsync(client);
        var count = new { topic = LocalModeFixture.Topic };

        using var without = await client.PostAsJsonAsync("/api/replays/count", count);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/replays/count") { Content = JsonContent.Create(count) };
        request.Headers.Add("RequestVerificationToken", token);
        using var with = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal("Antiforgery token required", (await without.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task Api_KeyPostWithoutAntiforgeryToken_Passes()
    {
        using var client = fixture.KeyClient(AccessRoles.Viewer);

        using var response = await client.PostAsJsonAsync("/api/replays/count", new { topic = LocalModeFixture.Topic });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignInPage_Anonymous_RendersTheFormWithAntiforgeryAsPlainHtml()
    {
        using var client = fixture.CreateClient();

        var html = await client.GetStringAsync(AccessSchemes.SignInPath);

        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Password\"", html, StringComparison.Ordinal);
        // Static rendering: no interactive component markers on this page.
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_Anonymous_Answers()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string PathOf(HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;
}
