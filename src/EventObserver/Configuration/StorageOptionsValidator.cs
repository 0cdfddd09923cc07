using EventObserver.Storage.Configuration;

using Microsoft.Extensions.Options;

namespace EventObserver.Configuration;

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Section = ConfigurationSections.Storage;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{Section}:Path must name the index file (e.g. data/eventobserver.db).");
        }
        else if (options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{Section}:Path '{options.Path}' contains characters that are not allowed in a path.");
        }

        if (options.MaxEvents < 0)
        {
            failures.Add($"{Section}:MaxEvents must be 0 (unlimited) or more; it is {options.MaxEvents}.");
        }

        if (options.MaxAge is { } age && age <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:MaxAge must be a positive duration such as 7.00:00:00, or empty for unlimited; it is {age}.");
        }

        if (options.RetentionInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:RetentionInterval must be a positive duration such as 00:01:00; it is {options.RetentionInterval}.");
        }

        if (options.KeepArchives < 0)
        {
            failures.Add($"{Section}:KeepArchives must be 0 or more; it is {options.KeepArchives}.");
        }

        if (!Enum.IsDefined(options.OnCorrupt))
        {
            failures.Add($"{Section}:OnCorrupt must be Rebuild or Stop; it is {options.OnCorrupt}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
