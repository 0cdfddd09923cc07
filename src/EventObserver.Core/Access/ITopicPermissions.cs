namespace EventObserver.Core.Access;

/// <summary>Which topics one user may read. Every read path asks this before an event, a count or a name leaves the server.</summary>
public interface ITopicPermissions
{
    /// <summary>True when every topic may be read (no rule restricts this user), so callers can skip filtering.</summary>
    bool IsUnrestricted { get; }

    bool CanRead(string topic);
}
