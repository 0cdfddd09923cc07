using EventObserver.Access.Authentication;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;

namespace EventObserver.Access.Authorization;

/// <summary>
/// What a refused request gets. API and hub paths: 401 or 403 problem documents (never a redirect). Pages: an
/// unauthenticated user is sent to sign in (the default challenge); a signed-in user without the role still reaches the
/// page's router with status 403, whose <c>AuthorizeRouteView</c> renders "403 — you need the X role" instead of the
/// page. Every 403 is recorded in the audit log.
/// </summary>
public sealed class AccessAuthorizationResultHandler(IAuditLog audit, IUserAccessResolver resolver) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden)
        {
            var roles = AccessProblems.Roles(policy);
            var reason = roles.Length > 0 ? $"You need the {roles} role for this." : "Your roles do not allow this.";
            AccessProblems.SetReason(context, reason);
            AccessProblems.RecordDenied(audit, context, resolver.Resolve(context.User).Name, reason);
        }

        if (AccessSchemes.IsApiOrHub(context.Request.Path))
        {
            if (authorizeResult.Challenged)
            {
                await context.ChallengeAsync(AccessSchemes.ApiKey);
                return;
            }

            if (authorizeResult.Forbidden)
            {
                await context.ForbidAsync(AccessSchemes.ApiKey);
                return;
            }
        }
        else if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await next(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
