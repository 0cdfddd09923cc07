namespace EventObserver.Security;

/// <summary>What the page's Content-Security-Policy allows besides the app itself; set in code, not configuration.</summary>
public sealed class ContentSecurityPolicyOptions
{
    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>) the app's forms may reach, directly or through the redirects that follow
    /// a post: the OpenID Connect provider, whose end-session endpoint the sign-out form is redirected to.
    /// </summary>
    public List<string> FormActionOrigins { get; } = [];
}
