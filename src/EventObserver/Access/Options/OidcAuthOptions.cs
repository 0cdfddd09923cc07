namespace EventObserver.Access.Options;

/// <summary>Bound from <c>EventObserver:Auth:Oidc</c>.</summary>
public sealed class OidcAuthOptions
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public List<string> Scopes { get; set; } = ["openid", "profile"];

    /// <summary>The claim that holds the user's groups or roles; <c>roles</c> is read when this one is absent.</summary>
    public string RoleClaim { get; set; } = "groups";

    /// <summary>Only for a provider on plain HTTP in development or tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
