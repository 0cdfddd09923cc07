using EventObserver.Access.Authentication.Oidc;
using EventObserver.Access.Options;
using EventObserver.Security;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EventObserver.Access.Authentication;

/// <summary>Mode=Oidc: the OpenID Connect challenge scheme beside the cookie session.</summary>
public static class OidcSignIn
{
    public const string Scheme = "oidc";

    /// <summary>
    /// Adds the <see cref="Scheme"/> handler (authorization code + PKCE, signing in to the cookie scheme). Called by the
    /// authentication set-up only when <c>Auth:Mode</c> is <c>Oidc</c>. Signing out of <see cref="Scheme"/> (after the
    /// cookie) ends the session at the provider too when it publishes an end-session endpoint.
    /// </summary>
    public static AuthenticationBuilder AddOidcSignIn(this AuthenticationBuilder builder, OidcAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);

        // The sign-out form posts here and is redirected to the provider's end-session endpoint; the page's
        // form-action directive governs that redirect too, so the provider's origin must be in it.
        if (Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority))
        {
            builder.Services.Configure<ContentSecurityPolicyOptions>(csp => csp.FormActionOrigins.Add(authority.GetLeftPart(UriPartial.Authority)));
        }

        return builder.AddOpenIdConnect(Scheme, "OpenID Connect", oidc => Configure(oidc, options));
    }

    private static void Configure(OpenIdConnectOptions oidc, OidcAuthOptions options)
    {
        oidc.Authority = options.Authority;
        oidc.ClientId = options.ClientId;
        // No secret: a public client, which PKCE still protects.
        oidc.ClientSecret = string.IsNullOrEmpty(options.ClientSecret) ? null : options.ClientSecret;
        oidc.RequireHttpsMetadata = options.RequireHttpsMetadata;
        oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;
        // The code comes back on a top-level GET, not a cross-site form post: the app refuses cross-site posts, and
        // a GET carries SameSite=Lax cookies, so the correlation and nonce cookies need no SameSite=None (which
        // browsers drop unless Secure, i.e. on plain HTTP).
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.SaveTokens = false;
        // The provider's claim names as they are ("groups", "roles", "preferred_username"), not SOAP-era URIs.
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.Scope.Clear();
        foreach (var scope in options.Scopes.Prepend(OpenIdConnectScope.OpenId).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal))
        {
            oidc.Scope.Add(scope);
        }

        oidc.Events = new OidcSignInEvents(options);
    }
}
