namespace EventObserver.Access.Options;

/// <summary>Bound from <c>EventObserver:Auth:Lockout</c>: local sign-in locks a user out after repeated failures.</summary>
public sealed class LockoutOptions
{
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(5);
}
