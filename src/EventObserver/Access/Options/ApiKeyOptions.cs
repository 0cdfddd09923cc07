namespace EventObserver.Access.Options;

/// <summary>One machine client (<c>EventObserver:Auth:ApiKeys:N</c>), sent as <c>Authorization: Bearer</c> or <c>X-Api-Key</c>.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";

    /// <summary>Lower- or upper-case hex SHA-256 of the key; the key itself is never stored.</summary>
    public string Sha256 { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    public List<string> Groups { get; set; } = [];
}
