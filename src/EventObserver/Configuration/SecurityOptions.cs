namespace EventObserver.Configuration;

/// <summary>Bound from <c>EventObserver:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = ConfigurationSections.Root + ":Security";

    /// <summary>
    /// Origins besides the app's own (<c>scheme://host[:port]</c>) whose pages may change state through the API and
    /// open the hub, e.g. a reverse proxy's public address when it rewrites the Host header.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
