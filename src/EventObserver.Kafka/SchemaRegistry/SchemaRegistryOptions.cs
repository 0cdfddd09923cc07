namespace EventObserver.Kafka.SchemaRegistry;

/// <summary>
/// Bound from <c>EventObserver:Kafka:SchemaRegistry</c>: where schema ids in Confluent-framed payloads are looked up.
/// Apicurio's Confluent-compatible API (<c>/apis/ccompat/v7</c>) works the same way.
/// </summary>
public sealed class SchemaRegistryOptions
{
    /// <summary>One or several registry URLs, comma-separated (tried in turn). Empty: no registry.</summary>
    public string? Url { get; set; }

    /// <summary>Basic authentication as <c>user:password</c>.</summary>
    public string? BasicAuthUserInfo { get; set; }

    /// <summary>A static bearer token (sent as <c>Authorization: Bearer …</c>).</summary>
    public string? BearerToken { get; set; }

    /// <summary>PEM file of the CA that signed the registry's certificate, when it is not in the system store.</summary>
    public string? SslCaLocation { get; set; }

    /// <summary>PKCS#12 file with the client certificate, for registries that require mutual TLS.</summary>
    public string? SslKeystoreLocation { get; set; }

    public string? SslKeystorePassword { get; set; }

    /// <summary>Turn off only for a test registry with a self-signed certificate.</summary>
    public bool EnableSslCertificateVerification { get; set; } = true;

    /// <summary>Longest a lookup may hold up ingestion; past it the event is indexed with its schema unavailable.</summary>
    public int TimeoutMs { get; set; } = 2000;

    /// <summary>How long a failed lookup (unreachable, timeout, unknown id) is remembered before the id is asked again.</summary>
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>Most schemas held in memory.</summary>
    public int MaxCachedSchemas { get; set; } = 1000;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The configured URLs, trimmed, without empty entries.</summary>
    public IReadOnlyList<string> Urls =>
        (Url ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
