using System.Net;
using System.Net.Http.Json;

using EventObserver.Access;
using EventObserver.Access.Authentication;
using EventObserver.Access.Options;
using EventObserver.Security;
using EventObserver.TestSupport.Oidc;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventObserver.Tests.Access.Oidc;

/// <summary>
/// <see cref="OidcSignIn"/>'s handler in a minimal host (the cookie and oidc schemes only) against the real test
/// provider: the code flow signs a user in with their groups, and signing out ends both sessions.
/// </summary>
public sealed class OidcSignInTests(TestIdentityProviderFixture fixture) : IClassFixture<TestIdentityProviderFixture>, IAsyncLifetime
{
    private WebApplication? _app;
    private Uri? _address;

    private TestIdentityProvider Provider => fixture.Provider;

    private Uri Address => _address ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => (_app, _address) = await StartHostAsync(TestIdentityProvider.ClientSecret);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("alice", "orders-team")]
    [InlineData("bob", "ops-team")]
    public async Task CodeFlow_SignedInAtTheProvider_UserHasTheirGroupsAndMethod(string userName, string group)
    {
        using var browser = Browser();
        var user = Provider.Users.Single(u => u.Name == userName);

        using var login = await browser.GetAsync(new Uri(Address, "/me"));
        using var me = await SubmitLoginAsync(browser, login, user);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(new Uri(Address, "/me"), me.RequestMessage?.RequestUri);
        var body = await me.Content.ReadFromJsonAsync<Me>() ?? throw new InvalidOperationException("no body");
        Assert.Equal(userName, body.Name);
        Assert.Equal([group], body.Groups);
        Assert.Equal("oidc", body.Method);
    }

    [Fact]
    public async Task SignOut_OfCookieAndOidc_EndsTheProviderSessionToo()
    {
        using var browser = Browser();
        using var login = await browser.GetAsync(new Uri(Address, "/me"));
        using var me = await SubmitLoginAsync(browser, login, TestIdentityProvider.Alice);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var signOuts = Provider.SignOuts;

        // Out at the provider, back through the app's signed-out callback to /me, which challenges again.
        using var afterSignOut = await browser.GetAsync(new Uri(Address, "/sign-out"));

        Assert.Equal(signOuts + 1, Provider.SignOuts);
        // The app forgot the user (or /me would answer) and so did the provider (or it would not ask for a password).
        Assert.Equal(HttpStatusCode.OK, afterSignOut.StatusCode);
        Assert.Equal(TestIdentityProvider.LoginPath, afterSignOut.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Equal(Provider.Authority.Port, afterSignOut.RequestMessage?.RequestUri?.Port);
    }

    [Fact]
    public async Task Pages_ContentSecurityPolicy_LetsFormsReachTheProvider()
    {
        // The sign-out form is redirected to the provider's end-session endpoint; form-action governs that redirect.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Address };

        using var response = await http.GetAsync("/me");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"form-action 'self' {Provider.Authority.GetLeftPart(UriPartial.Authority)};", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_TokenRequestRefused_AnswersPlainlyInsteadOfThrowing()
    {
        var (app, address) = await StartHostAsync("not-the-secret");
        await using var _ = app;
        using var browser = Browser();
        using var login = await browser.GetAsync(new Uri(address, "/me"));

        using var failed = await SubmitLoginAsync(browser, login, TestIdentityProvider.Alice);

        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        Assert.Equal(TestIdentityProvider.CallbackPath, failed.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.StartsWith("Signing in with the identity provider failed", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(WebApplication App, Uri Address)> StartHostAsync(string clientSecret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddOidcSignIn(new OidcAuthOptions
            {
                Authority = Provider.Authority.ToString(),
                ClientId = TestIdentityProvider.ClientId,
                ClientSecret = clientSecret,
                RequireHttpsMetadata = false,
            });
        var app = builder.Build();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseAuthentication();
        app.MapGet("/me", (HttpContext context) => context.User.Identity?.IsAuthenticated == true
            ? Results.Json(new Me(
                context.User.Identity.Name,
                [.. context.User.FindAll(AccessClaimTypes.Group).Select(c => c.Value)],
                context.User.FindFirst(AccessClaimTypes.Method)?.Value))
            : Results.Challenge(authenticationSchemes: [OidcSignIn.Scheme]));
        app.MapGet("/sign-out", () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/me" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OidcSignIn.Scheme]));
        await app.StartAsync();
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()));
    }

    private static HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true });

    /// <summary>Posts the user's credentials to the provider's login form that <paramref name="form"/> shows; redirects are followed to the end.</summary>
    private async Task<HttpResponseMessage> SubmitLoginAsync(HttpClient browser, HttpResponseMessage form, TestIdentityUser user)
    {
        var formUrl = form.RequestMessage!.RequestUri!;
        Assert.Equal(TestIdentityProvider.LoginPath, formUrl.AbsolutePath);
        return await browser.PostAsync(new Uri(Provider.Authority, TestIdentityProvider.LoginPath), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user.Name,
            ["password"] = user.Password,
            ["returnUrl"] = QueryHelpers.ParseQuery(formUrl.Query)["returnUrl"].ToString(),
        }));
    }

    private sealed record Me(string? Name, string[] Groups, string? Method);
}
