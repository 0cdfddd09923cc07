using System.Net;

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EventObserver.TestSupport.Oidc;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on a loopback port, for tests that sign in through the
/// authorization-code flow with PKCE: a login form for a browser, discovery, signed id tokens with
/// <c>name</c>, <c>preferred_username</c> and <c>groups</c>, and an end-session endpoint. Everything is in memory
/// (OpenIddict's degraded mode: no stores; ephemeral keys), so each instance is independent and gone on dispose.
/// </summary>
/// <remarks>
/// One confidential client, <see cref="ClientId"/>/<see cref="ClientSecret"/>, whose redirect URIs may be any loopback
/// address ending in <see cref="CallbackPath"/> (sign-in) or <see cref="SignedOutCallbackPath"/> (sign-out): the
/// ASP.NET Core handler's defaults, on whatever port the app under test got.
/// </remarks>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "eventobserver";
    public const string ClientSecret = "eventobserver-test-secret";
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";
    public const string LoginPath = "/account/login";

    /// <summary>The provider's own session cookie; named apart from the app's, as both live on 127.0.0.1 (cookies ignore ports).</summary>
    public const string CookieName = "eventobserver-test-idp";

    internal const string CookieScheme = "test-idp";

    private readonly WebApplication _app;
    private int _signOuts;

    private TestIdentityProvider(WebApplication app, Uri authority, IReadOnlyList<TestIdentityUser> users)
    {
        _app = app;
        Authority = authority;
        Users = users;
    }

    /// <summary><c>alice</c>, in <c>orders-team</c>.</summary>
    public static TestIdentityUser Alice { get; } = new("alice", "alice-password", "Alice Example", ["orders-team"]);

    /// <summary><c>bob</c>, in <c>ops-team</c>.</summary>
    public static TestIdentityUser Bob { get; } = new("bob", "bob-password", "Bob Example", ["ops-team"]);

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:41234/</c>: what the app's <c>Auth:Oidc:Authority</c> is set to.</summary>
    public Uri Authority { get; }

    public IReadOnlyList<TestIdentityUser> Users { get; }

    /// <summary>How many end-session requests (RP-initiated sign-outs) the provider has served.</summary>
    public int SignOuts => Volatile.Read(ref _signOuts);

    /// <summary>Starts the provider on a free loopback port; <paramref name="users"/> defaults to <see cref="Alice"/> and <see cref="Bob"/>.</summary>
    public static async Task<TestIdentityProvider> StartAsync(IReadOnlyList<TestIdentityUser>? users = null, CancellationToken cancellationToken = default)
    {
        users ??= [Alice, Bob];
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var services = builder.Services;
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.LoginPath = LoginPath;
        });
        services.AddAuthorization();
        services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/endsession");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, "groups");
            server.RegisterClaims(Claims.Name, Claims.PreferredUsername, "groups");
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            // No database: OpenIddict checks nothing against stores, so the client is checked by hand.
            server.EnableDegradedMode();
            TestIdentityProviderClient.AddValidation(server);
            server.UseAspNetCore()
                .DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();
        });

        var app = builder.Build();
        TestIdentityProvider? provider = null;
        app.UseAuthentication();
        app.UseAuthorization();
        TestIdentityProviderEndpoints.Map(app, users, () => Interlocked.Increment(ref provider!._signOuts));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        provider = new TestIdentityProvider(app, new Uri(address.TrimEnd('/') + "/"), users);
        return provider;
    }

    internal static bool IsLoopbackCallback(string? uri, string path) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
        && parsed.Scheme is "http" or "https"
        && (parsed.IsLoopback || (IPAddress.TryParse(parsed.Host, out var ip) && IPAddress.IsLoopback(ip)))
        && parsed.AbsolutePath == path
        && parsed.Query.Length == 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
