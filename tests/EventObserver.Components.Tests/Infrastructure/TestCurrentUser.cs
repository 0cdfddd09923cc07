using System.Security.Claims;

using EventObserver.Access;
using EventObserver.Core.Access;

namespace EventObserver.Components.Tests.Infrastructure;

/// <summary>The current user of a rendered component, set by the test (default: Mode None's anonymous user, every role).</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public UserAccess Access { get; set; } = Anonymous;

    public static UserAccess Anonymous { get; } = new("anonymous", isAuthenticated: false, [AccessRoles.Admin], AllTopics.Instance, seesRawValues: false);

    public static UserAccess SignedIn(string name, params string[] roles) => new(name, isAuthenticated: true, roles, AllTopics.Instance, seesRawValues: false);

    public static ClaimsPrincipal Principal(string name) => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test"));
}
