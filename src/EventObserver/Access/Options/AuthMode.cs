namespace EventObserver.Access.Options;

public enum AuthMode
{
    /// <summary>No sign-in: allowed only while every bound address is loopback (or with <c>AllowAnonymousNetwork</c>).</summary>
    None,

    /// <summary>An OpenID Connect provider, authorization-code flow with PKCE, cookie session.</summary>
    Oidc,

    /// <summary>Users with password hashes in configuration, a sign-in page, lockout.</summary>
    Local,
}
