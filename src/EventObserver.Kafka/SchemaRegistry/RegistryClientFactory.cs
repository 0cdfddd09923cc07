using Confluent.SchemaRegistry;

namespace EventObserver.Kafka.SchemaRegistry;

/// <summary>Confluent's registry client configured from <see cref="SchemaRegistryOptions"/>.</summary>
internal static class RegistryClientFactory
{
    public static CachedSchemaRegistryClient Create(SchemaRegistryOptions options)
    {
        var config = new SchemaRegistryConfig
        {
            Url = string.Join(",", options.Urls),
            RequestTimeoutMs = options.TimeoutMs,
            MaxCachedSchemas = options.MaxCachedSchemas,

            // One attempt per URL: the back-off period is ours, and a retrying client would hold ingestion past the timeout.
            MaxRetries = 1,
            RetriesWaitMs = 1,
            RetriesMaxWaitMs = 1,
            EnableSslCertificateVerification = options.EnableSslCertificateVerification,
        };
        if (!string.IsNullOrWhiteSpace(options.BasicAuthUserInfo))
        {
            config.BasicAuthCredentialsSource = AuthCredentialsSource.UserInfo;
            config.BasicAuthUserInfo = options.BasicAuthUserInfo;
        }

        if (!string.IsNullOrWhiteSpace(options.SslCaLocation))
        {
            config.SslCaLocation = options.SslCaLocation;
        }

        if (!string.IsNullOrWhiteSpace(options.SslKeystoreLocation))
        {
            config.SslKeystoreLocation = options.SslKeystoreLocation;
            config.SslKeystorePassword = options.SslKeystorePassword;
        }

        return string.IsNullOrEmpty(options.BearerToken)
            ? new CachedSchemaRegistryClient(config)
            : new CachedSchemaRegistryClient(config, new BearerTokenProvider(options.BearerToken));
    }
}
