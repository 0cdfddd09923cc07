using System.Text.RegularExpressions;

using Microsoft.Extensions.Options;

namespace EventObserver.Features.Audit;

public sealed partial class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public const int MaxRetentionDays = 36_500;

    private const string Section = AuditOptions.Section;

    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var failures = new List<string>();
        if (options.Path is { Length: > 0 } path && path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{Section}:Path '{path}' contains characters that are not allowed in a path.");
        }

        if (options.RetentionDays is < 1 or > MaxRetentionDays)
        {
            failures.Add($"{Section}:RetentionDays must be from 1 to {MaxRetentionDays}; it is {options.RetentionDays}.");
        }

        if (options.Topic is { } topic && topic.Length > 0 && (!TopicName().IsMatch(topic) || topic is "." or ".."))
        {
            failures.Add($"{Section}:Topic '{topic}' is not a Kafka topic name (1 to 249 of a-z, A-Z, 0-9, '.', '_', '-'); " +
                "leave it empty for no copy.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,249}$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicName();
}
