using Microsoft.AspNetCore.Authorization;

namespace EventObserver.Access.Authorization;

/// <summary>
/// Decides <see cref="RoleRequirement"/> through <see cref="IUserAccessResolver"/>, the one place that turns a principal
/// into roles: so Mode None's anonymous user passes every policy, and in Local/Oidc an unauthenticated user passes none.
/// </summary>
public sealed class RoleRequirementHandler(IUserAccessResolver resolver) : AuthorizationHandler<RoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (resolver.Resolve(context.User).IsInRole(requirement.Role))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
