using System.Security.Claims;

namespace EventObserver.Access;

/// <summary>Turns an authenticated (or anonymous) principal into its <see cref="UserAccess"/> under the configured rules.</summary>
public interface IUserAccessResolver
{
    UserAccess Resolve(ClaimsPrincipal? user);
}
