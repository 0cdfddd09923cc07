using EventObserver.Access;

using Microsoft.AspNetCore.Authorization;

namespace EventObserver.Features.Audit;

/// <summary>
/// The <see cref="AccessPolicies.Admin"/> policy the audit page and endpoint name, for as long as access control has not
/// registered its own: then this adds nothing. It asks the same question access control's policies ask: does the
/// user's <see cref="UserAccess"/> (from <see cref="IUserAccessResolver"/>) hold the Admin role. No resolver: refused.
/// </summary>
public static class AdminPolicyFallback
{
    public static IServiceCollection AddAdminPolicyFallback(this IServiceCollection services)
    {
        services.AddAuthorization();
        services.Configure<AuthorizationOptions>(options =>
        {
            if (options.GetPolicy(AccessPolicies.Admin) is null)
            {
                options.AddPolicy(AccessPolicies.Admin, policy => policy.RequireAssertion(IsAdmin));
            }
        });
        return services;
    }

    private static bool IsAdmin(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http
        && http.RequestServices.GetService<IUserAccessResolver>() is { } resolver
        && resolver.Resolve(context.User).IsInRole(AccessRoles.Admin);
}
