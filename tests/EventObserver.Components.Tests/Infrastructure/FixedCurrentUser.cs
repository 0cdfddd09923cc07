using EventObserver.Access;

namespace EventObserver.Components.Tests.Infrastructure;

/// <summary>The signed-in user of a rendered component, fixed by the test.</summary>
public sealed class FixedCurrentUser(UserAccess access) : ICurrentUser
{
    public UserAccess Access { get; set; } = access;
}
