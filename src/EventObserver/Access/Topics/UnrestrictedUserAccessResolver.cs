using System.Security.Claims;

using EventObserver.Core.Access;

namespace EventObserver.Access.Topics;

/// <summary>Placeholder until topic rules exist: every user holds every role except Unmask and reads every topic.</summary>
public sealed class UnrestrictedUserAccessResolver : IUserAccessResolver
{
    public UserAccess Resolve(ClaimsPrincipal? user) => new(
        user?.Identity?.Name ?? "anonymous",
        user?.Identity?.IsAuthenticated ?? false,
        [AccessRoles.Admin],
        AllTopics.Instance,
        seesRawValues: false);
}
