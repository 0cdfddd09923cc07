using EventObserver.Access;
using EventObserver.Core.Access;

namespace EventObserver.Components.Tests.Infrastructure;

/// <summary>The user of every component in a test: by default Mode None's user (every role and topic, values masked where rules apply).</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public static UserAccess Anonymous { get; } = new(
        "anonymous", isAuthenticated: false, [AccessRoles.Viewer, AccessRoles.Operator, AccessRoles.Publisher, AccessRoles.Admin], AllTopics.Instance, seesRawValues: false);

    public UserAccess Access { get; set; } = Anonymous;
}
