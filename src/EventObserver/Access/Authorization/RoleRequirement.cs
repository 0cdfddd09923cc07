using Microsoft.AspNetCore.Authorization;

namespace EventObserver.Access.Authorization;

/// <summary>The requirement of each access policy: the user holds <see cref="Role"/> (directly or implied by a higher one).</summary>
public sealed class RoleRequirement(string role) : IAuthorizationRequirement
{
    public string Role { get; } = role;
}
