using EventObserver.Storage.Configuration;

using EventObserver.Storage.Postgres.Index;

using Microsoft.Extensions.Options;

using Npgsql;

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

        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"{Section}:Provider must be LiteDb or Postgres; it is {options.Provider}.");
        }
        else if (options.Provider == StorageProvider.Postgres)
        {
            ValidatePostgres(options, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePostgres(StorageOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{Section}:ConnectionString is required with Provider Postgres (e.g. Host=localhost;Username=eventobserver;Password=...;Database=eventobserver).");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException e)
            {
                // The message of a bad key names the key, never the password's value.
                failures.Add($"{Section}:ConnectionString is not a valid PostgreSQL connection string: {e.Message}");
            }
        }

        if (!PostgresEventIndex.IsUsableSchemaName(options.Schema))
        {
            failures.Add($"{Section}:Schema '{options.Schema}' is not usable: lower-case letters, digits and underscores, starting with a letter or underscore, at most 41 characters.");
        }
    }
}
