using EventObserver.Core.Access;

namespace EventObserver.Access;

/// <summary>
/// What one user may see and do: their name, their effective roles (implied roles expanded), the topics they may read
/// and whether masking applies to them. Built once per request, circuit or hub connection by
/// <see cref="IUserAccessResolver"/>; query services take it as a parameter and enforce it on every read.
/// </summary>
public sealed class UserAccess
{
    public UserAccess(string name, bool isAuthenticated, IEnumerable<string> roles, ITopicPermissions topics, bool seesRawValues)
    {
        ArgumentNullException.ThrowIfNull(roles);
        Name = name;
        IsAuthenticated = isAuthenticated;
        Roles = new HashSet<string>(roles.SelectMany(AccessRoles.Implied), StringComparer.Ordinal);
        Topics = topics;
        SeesRawValues = seesRawValues;
    }

    /// <summary>
    /// Internal reads (tests, background work that serves no user): every role, every topic, raw values. Never hand
    /// this to a request or circuit.
    /// </summary>
    public static UserAccess System { get; } = new("system", isAuthenticated: true, AccessRoles.All, AllTopics.Instance, seesRawValues: true);

    public string Name { get; }

    public bool IsAuthenticated { get; }

    public IReadOnlySet<string> Roles { get; }

    public ITopicPermissions Topics { get; }

    /// <summary>True for Unmask or Admin: masking rules do not apply to this user.</summary>
    public bool SeesRawValues { get; }

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool CanRead(string topic) => Topics.CanRead(topic);
}
