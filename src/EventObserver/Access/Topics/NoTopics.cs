using EventObserver.Core.Access;

namespace EventObserver.Access.Topics;

/// <summary>Reads nothing: a signed-out user outside Mode None, or a signed-in one whom no topic rule names.</summary>
public sealed class NoTopics : ITopicPermissions
{
    public static NoTopics Instance { get; } = new();

    private NoTopics()
    {
    }

    public bool IsUnrestricted => false;

    public bool CanRead(string topic) => false;
}
