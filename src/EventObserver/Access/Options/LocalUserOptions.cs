namespace EventObserver.Access.Options;

/// <summary>One user of <see cref="AuthMode.Local"/> (<c>EventObserver:Auth:Users:N</c>).</summary>
public sealed class LocalUserOptions
{
    public string Name { get; set; } = "";

    /// <summary>An ASP.NET Core Identity password hash, as printed by <c>-- hash-password</c>.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Roles held directly.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>Groups, mapped to roles by <c>Auth:Roles</c> and matched by <c>Auth:TopicAccess</c>.</summary>
    public List<string> Groups { get; set; } = [];
}
