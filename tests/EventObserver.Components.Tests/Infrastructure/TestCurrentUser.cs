using EventObserver.Access;

namespace EventObserver.Components.Tests.Infrastructure;

/// <summary>The user of a bUnit circuit, chosen by the test (every topic and raw values unless it says otherwise).</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public UserAccess Access { get; set; } = UserAccess.System;
}
