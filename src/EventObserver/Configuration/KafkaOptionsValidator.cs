using System.Text.RegularExpressions;

using EventObserver.Kafka.Configuration;
using EventObserver.Kafka.SchemaRegistry;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

public sealed class KafkaOptionsValidator : IValidateOptions<KafkaOptions>
{
    private const string Section = ConfigurationSections.Kafka;

    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.GroupId))
        {
            failures.Add($"{Section}:GroupId must not be empty.");
        }

        if (options.MetadataRefreshMs is < 100 or > 3_600_000)
        {
            failures.Add($"{Section}:MetadataRefreshMs must be between 100 and 3600000; it is {options.MetadataRefreshMs}.");
        }

        if (options.MaxBatchSize is < 1 or > 100_000)
        {
            failures.Add($"{Section}:MaxBatchSize must be between 1 and 100000; it is {options.MaxBatchSize}.");
        }

        if (options.EmbeddedPartitions is < 1 or > 64)
        {
            failures.Add($"{Section}:EmbeddedPartitions must be between 1 and 64; it is {options.EmbeddedPartitions}.");
        }

        if (options.StallAfter < TimeSpan.FromSeconds(1) || options.StallAfter > TimeSpan.FromDays(1))
        {
            failures.Add($"{Section}:StallAfter must be between 00:00:01 and 1.00:00:00; it is {options.StallAfter}.");
        }

        CheckPatterns(options.IncludeTopics, "IncludeTopics", failures);
        CheckPatterns(options.ExcludeTopics, "ExcludeTopics", failures);
        CheckSchemaRegistry(options.SchemaRegistry ?? new SchemaRegistryOptions(), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckSchemaRegistry(SchemaRegistryOptions registry, List<string> failures)
    {
        const string Registry = Section + ":SchemaRegistry";
        foreach (var url in registry.Urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{Registry}:Url '{url}' is not an http:// or https:// URL (separate several with commas).");
            }
        }

        if (!string.IsNullOrEmpty(registry.BasicAuthUserInfo) && !string.IsNullOrEmpty(registry.BearerToken))
        {
            failures.Add($"{Registry}: set BasicAuthUserInfo or BearerToken, not both.");
        }

        if (!string.IsNullOrEmpty(registry.BasicAuthUserInfo) && !registry.BasicAuthUserInfo.Contains(':', StringComparison.Ordinal))
        {
            failures.Add($"{Registry}:BasicAuthUserInfo must have the form user:password.");
        }

        if (registry.TimeoutMs is < 1 or > 600_000)
        {
            failures.Add($"{Registry}:TimeoutMs must be between 1 and 600000; it is {registry.TimeoutMs}.");
        }

        if (registry.RetryAfterSeconds is < 1 or > 86_400)
        {
            failures.Add($"{Registry}:RetryAfterSeconds must be between 1 and 86400; it is {registry.RetryAfterSeconds}.");
        }

        if (registry.MaxCachedSchemas < 1)
        {
            failures.Add($"{Registry}:MaxCachedSchemas must be at least 1; it is {registry.MaxCachedSchemas}.");
        }

        CheckFile(registry.SslCaLocation, Registry + ":SslCaLocation", failures);
        CheckFile(registry.SslKeystoreLocation, Registry + ":SslKeystoreLocation", failures);
    }

    private static void CheckFile(string? path, string setting, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
        {
            failures.Add($"{setting} '{path}' does not exist.");
        }
    }

    private static void CheckPatterns(List<string> patterns, string setting, List<string> failures)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                _ = new Regex(patterns[i], RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{Section}:{setting}:{i} '{patterns[i]}' is not a valid regular expression: {ex.Message}");
            }
        }
    }
}
