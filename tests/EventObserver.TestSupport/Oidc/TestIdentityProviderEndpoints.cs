using System.Collections.Immutable;
using System.Net;
using System.Security.Claims;

using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EventObserver.TestSupport.Oidc;

/// <summary>The provider's own pages: the login form, the authorization endpoint behind it and the end-session endpoint.</summary>
internal static class TestIdentityProviderEndpoints
{
    public const string GroupsClaim = "groups";

    private const string AuthorizePath = "/connect/authorize";

    public static void Map(IEndpointRouteBuilder app, IReadOnlyList<TestIdentityUser> users, Action signedOut)
    {
        app.MapGet(TestIdentityProvider.LoginPath, (string? returnUrl) => LoginPage(LocalReturnUrl(returnUrl), error: null));
        // Cast: a lambda over HttpContext alone would bind as a RequestDelegate and drop the IResult.
        app.MapPost(TestIdentityProvider.LoginPath, (Delegate)((HttpContext context) => LoginAsync(context, users)));
        app.MapGet(AuthorizePath, (Delegate)((HttpContext context) => AuthorizeAsync(context, users)));
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
        {
            await context.SignOutAsync(TestIdentityProvider.CookieScheme);
            signedOut();
            // OpenIddict sends the user on to the validated post_logout_redirect_uri; "/" only when there is none.
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        app.MapGet("/", () => Results.Content("<!doctype html><title>Test identity provider</title><p>Signed out.</p>", "text/html"));
    }

    private static async Task<IResult> LoginAsync(HttpContext context, IReadOnlyList<TestIdentityUser> users)
    {
        // No antiforgery on a test provider's form: nothing here is worth a cross-site request.
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = LocalReturnUrl(form["returnUrl"]);
        var user = users.FirstOrDefault(u => u.Name == form["username"] && u.Password == form["password"]);
        if (user is null)
        {
            return LoginPage(returnUrl, "Unknown user name or wrong password.");
        }

        var session = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name)], TestIdentityProvider.CookieScheme);
        await context.SignInAsync(TestIdentityProvider.CookieScheme, new ClaimsPrincipal(session));
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, IReadOnlyList<TestIdentityUser> users)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(TestIdentityProvider.CookieScheme);
        var user = session.Succeeded ? users.FirstOrDefault(u => u.Name == session.Principal?.Identity?.Name) : null;
        if (user is null)
        {
            var here = context.Request.Path + context.Request.QueryString;
            return Results.Redirect($"{TestIdentityProvider.LoginPath}?returnUrl={Uri.EscapeDataString(here)}");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Name)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.Name)
            .SetClaims(GroupsClaim, user.Groups.ToImmutableArray());
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(static _ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // Only the authorization endpoint on this host: the form must not become an open redirect.
    private static string LocalReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(AuthorizePath + "?", StringComparison.Ordinal) ? returnUrl : "/";

    private static IResult LoginPage(string returnUrl, string? error)
    {
        var alert = error is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sign in · test identity provider</title></head>
            <body>
            <h1>Sign in</h1>
            {alert}
            <form method="post" action="{TestIdentityProvider.LoginPath}">
            <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
            <label>User name <input name="username" autocomplete="username" required></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
            </form>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }
}
