using EventObserver.Core.Access;

namespace EventObserver.TestSupport.Access;

/// <summary>Topic permissions for tests: every topic may be read except the ones named.</summary>
public sealed class DeniedTopics(params string[] denied) : ITopicPermissions
{
    private readonly HashSet<string> _denied = new(denied, StringComparer.Ordinal);

    public bool IsUnrestricted => false;

    public bool CanRead(string topic) => !_denied.Contains(topic);
}
