using EventObserver.Access.Authentication;
using EventObserver.Security;

using Microsoft.AspNetCore.Antiforgery;

namespace EventObserver.Access.Authorization;

/// <summary>
/// A state-changing API request authenticated by the browser session (cookie) must carry a valid antiforgery token in
/// the <c>RequestVerificationToken</c> header: the cookie travels with any request the browser makes, the token only
/// with the app's own. API-key calls are exempt (a key is never sent by the browser on its own).
/// </summary>
public sealed class ApiAntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RequestGuardScope.IsStateChangingApi(context.Request)
            && context.User.Identity?.IsAuthenticated == true
            && context.User.FindFirst(AccessClaimTypes.Method)?.Value != ApiKeyAuthenticationHandler.Method
            && !await antiforgery.IsRequestValidAsync(context))
        {
            await AccessProblems.WriteAsync(problems, context, StatusCodes.Status400BadRequest, "Antiforgery token required",
                "A request that changes state and is signed in by the browser session needs the page's antiforgery token in the "
                + $"'{AntiforgeryHeader}' header; scripts and other clients use an API key instead.");
            return;
        }

        await next(context);
    }

    public const string AntiforgeryHeader = "RequestVerificationToken";
}
