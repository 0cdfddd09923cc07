namespace EventObserver.Access.Options;

/// <summary>
/// One topic access rule (<c>EventObserver:Auth:TopicAccess:N</c>): users in <see cref="Group"/> or holding
/// <see cref="Role"/> may read topics matching any of <see cref="Allow"/> and none of <see cref="Deny"/> (regexes,
/// matched against the whole topic name).
/// </summary>
public sealed class TopicAccessRule
{
    public string? Group { get; set; }

    public string? Role { get; set; }

    public List<string> Allow { get; set; } = [];

    public List<string> Deny { get; set; } = [];
}
