using Microsoft.AspNetCore.Authentication.Cookies;

namespace EventObserver.Access.Authentication;

/// <summary>The authentication schemes of access control and the requests each one answers.</summary>
public static class AccessSchemes
{
    /// <summary>The default scheme: a policy scheme that forwards each request to <see cref="ApiKey"/> or <see cref="Cookie"/>.</summary>
    public const string Default = "EventObserver";

    /// <summary>The browser session (Local sign-in, or the OIDC handler's sign-in scheme).</summary>
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Machine clients: <c>Authorization: Bearer &lt;key&gt;</c>, <c>X-Api-Key</c>, or <c>?access_token=</c> on the hub.</summary>
    public const string ApiKey = "ApiKey";

    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The query parameter browsers' SignalR clients use for WebSockets and server-sent events (hub paths only).</summary>
    public const string AccessTokenParameter = "access_token";

    public const string CookieName = "EventObserver.Session";

    public const string SignInPath = "/account/sign-in";

    public const string SignOutPath = "/account/sign-out";

    /// <summary>Mode=Oidc: starts the provider's sign-in (a challenge of <see cref="OidcSignIn.Scheme"/>).</summary>
    public const string OidcChallengePath = "/account/sign-in/oidc";

    public const string ReturnUrlParameter = "returnUrl";

    /// <summary>
    /// Paths whose refusals are problem documents (401/403), never redirects: the REST API, the hubs and the metrics
    /// scrape (a machine client, when <c>Metrics:AllowAnonymous</c> is false).
    /// </summary>
    public static bool IsApiOrHub(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/metrics");

    /// <summary>The API key a request carries, if any (null when it carries none; the scheme then does not answer).</summary>
    public static string? ApiKeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers[ApiKeyHeader] is [{ Length: > 0 } headerKey])
        {
            return headerKey;
        }

        if (request.Headers.Authorization is [{ } authorization]
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && authorization[7..].Trim() is { Length: > 0 } bearer)
        {
            return bearer;
        }

        return request.Path.StartsWithSegments("/hubs") && request.Query[AccessTokenParameter] is [{ Length: > 0 } token]
            ? token
            : null;
    }
}
