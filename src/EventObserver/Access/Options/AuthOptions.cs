using EventObserver.Configuration;

namespace EventObserver.Access.Options;

/// <summary>Bound from <c>EventObserver:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = ConfigurationSections.Root + ":Auth";

    public AuthMode Mode { get; set; } = AuthMode.None;

    /// <summary>Lets <see cref="AuthMode.None"/> run on a non-loopback address. Anyone who reaches the port is then every role.</summary>
    public bool AllowAnonymousNetwork { get; set; }

    public OidcAuthOptions Oidc { get; set; } = new();

    /// <summary>Users of <see cref="AuthMode.Local"/>.</summary>
    public List<LocalUserOptions> Users { get; set; } = [];

    public LockoutOptions Lockout { get; set; } = new();

    /// <summary>Keys for machine clients, in every mode.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>Role name → the groups (from the provider's group/role claim, a local user's or a key's groups) that hold it.</summary>
    public Dictionary<string, List<string>> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Which topics a group or role may read. No rules: every user reads every topic.</summary>
    public List<TopicAccessRule> TopicAccess { get; set; } = [];
}
