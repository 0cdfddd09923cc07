using EventObserver.Access;
using EventObserver.Access.Authentication;
using EventObserver.Access.Options;

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EventObserver.Features.Account;

/// <summary>
/// <c>POST /account/sign-out</c> (a form with the antiforgery token, from the layout) and
/// <c>GET /account/sign-in/oidc</c> (Mode=Oidc: sends the browser to the provider). Both anonymous: signing out with an
/// expired session, or starting a sign-in, needs no session.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(AccessSchemes.SignOutPath, SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        routes.MapGet(AccessSchemes.OidcChallengePath, ChallengeOidc).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext context, IAntiforgery antiforgery, IOptionsMonitor<AuthOptions> options, IAuditLog audit)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token required",
                detail: "Sign out with the button of the page.");
        }

        var user = context.User;
        var signedInWithProvider = user.FindFirst(AccessClaimTypes.Method)?.Value == AccessClaimsTransformation.OidcMethod;
        if (user.Identity?.IsAuthenticated == true)
        {
            audit.Record(new AuditEntry
            {
                Action = AuditAction.SignOut,
                Actor = user.Identity.Name ?? "unknown",
                Detail = user.FindFirst(AccessClaimTypes.Method)?.Value,
                RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
            });
        }

        await context.SignOutAsync(AccessSchemes.Cookie);
        var signedOut = $"{AccessSchemes.SignInPath}?signedOut=true";
        return options.CurrentValue.Mode == AuthMode.Oidc && signedInWithProvider
            ? TypedResults.SignOut(new AuthenticationProperties { RedirectUri = signedOut }, [OidcSignIn.Scheme])
            : TypedResults.Redirect(signedOut);
    }

    private static IResult ChallengeOidc(string? returnUrl, IOptionsMonitor<AuthOptions> options) =>
        options.CurrentValue.Mode == AuthMode.Oidc
            ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrRoot(returnUrl) }, [OidcSignIn.Scheme])
            : TypedResults.Redirect(AccessSchemes.SignInPath);
}
