using EventObserver.Access.Options;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace EventObserver.Access.Authentication;

/// <summary>
/// Ends a browser session that the configuration no longer backs: a local user who was removed, or a session made in
/// another mode (a Local session after a switch to Oidc, and the reverse).
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var auth = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<AuthOptions>>().CurrentValue;
        if (context.Principal is not { } principal || IsBacked(auth, principal))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(AccessSchemes.Cookie);
    }

    public static bool IsBacked(AuthOptions auth, System.Security.Claims.ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(AccessClaimTypes.Method)?.Value switch
        {
            AccessClaimsTransformation.CookieMethod => auth.Mode == AuthMode.Local && LocalSignIn.FindUser(auth, principal.Identity?.Name ?? "") is not null,
            AccessClaimsTransformation.OidcMethod or null => auth.Mode == AuthMode.Oidc,
            _ => false,
        };
    }
}
