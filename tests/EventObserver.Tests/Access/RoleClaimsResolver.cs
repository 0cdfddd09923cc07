using System.Security.Claims;

using EventObserver.Access;
using EventObserver.Access.Options;
using EventObserver.Core.Access;

using Microsoft.Extensions.Options;

namespace EventObserver.Tests.Access;

/// <summary>
/// The resolver contract AUTH's tests need, without the topic rules: roles are the principal's role claims; an
/// unauthenticated user holds every role in Mode None and none otherwise.
/// </summary>
public sealed class RoleClaimsResolver(IOptionsMonitor<AuthOptions> options) : IUserAccessResolver
{
    public UserAccess Resolve(ClaimsPrincipal? user)
    {
        var authenticated = user?.Identity?.IsAuthenticated ?? false;
        IEnumerable<string> roles = authenticated
            ? user!.FindAll(ClaimTypes.Role).Select(c => c.Value)
            : options.CurrentValue.Mode == AuthMode.None ? [AccessRoles.Admin] : [];
        return new UserAccess(authenticated ? user!.Identity!.Name ?? "?" : "anonymous", authenticated, roles, AllTopics.Instance, seesRawValues: false);
    }
}
