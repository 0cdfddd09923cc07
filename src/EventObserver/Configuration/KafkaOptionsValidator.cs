using System.Text.RegularExpressions;

using EventObserver.Kafka.Configuration;

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
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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
