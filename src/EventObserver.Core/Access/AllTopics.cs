namespace EventObserver.Core.Access;

/// <summary>No restriction: every topic may be read.</summary>
public sealed class AllTopics : ITopicPermissions
{
    public static AllTopics Instance { get; } = new();

    private AllTopics()
    {
    }

    public bool IsUnrestricted => true;

    public bool CanRead(string topic) => true;
}
