using EventObserver.Configuration;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.Storage.Postgres.Index;

namespace EventObserver.Features.IndexRebuild;

/// <summary>
/// <c>dotnet run --project src/EventObserver -- rebuild-index</c>, with the app stopped: moves the index file to
/// <c>archive/</c> and leaves an empty index marked for rebuild, so the next start fills it from the earliest offsets
/// Kafka still has. For users who changed decoders or lineage mappings and cannot reach the Admin page. On PostgreSQL
/// the schema is renamed aside instead, with every observer stopped.
/// </summary>
public static class RebuildIndexCommand
{
    public const string Name = "rebuild-index";

    public static bool Matches(IReadOnlyList<string> args) => args is [Name, ..];

    /// <summary>Runs on the process's console with the app's configuration; returns the exit code.</summary>
    public static int Run(IConfiguration configuration) => Run(configuration, TimeProvider.System, Console.Out, Console.Error);

    public static int Run(IConfiguration configuration, TimeProvider time, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var options = configuration.GetSection(ConfigurationSections.Storage).Get<StorageOptions>() ?? new StorageOptions();
        if (options.Provider == StorageProvider.Postgres)
        {
            return RunOnPostgres(options, time, output, error);
        }

        var path = Path.GetFullPath(options.Path);
        try
        {
            var archived = EventIndexProvider.PrepareRebuild(options, time);
            output.WriteLine(archived is null
                ? $"No index at {path}; an empty index marked for rebuild was created. Start EventObserver to fill it from Kafka."
                : $"Moved {path} to {archived}. Start EventObserver: it rebuilds the index from the earliest offsets Kafka still has.");
            return 0;
        }
        catch (IOException e)
        {
            error.WriteLine($"Could not move the index {path} ({e.Message}). Stop EventObserver first: the running app holds the file.");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"Could not move the index {path}: {e.Message}");
            return 1;
        }
    }

    private static int RunOnPostgres(StorageOptions options, TimeProvider time, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString) || !PostgresEventIndex.IsUsableSchemaName(options.Schema))
        {
            error.WriteLine($"{ConfigurationSections.Storage}:ConnectionString and a valid {ConfigurationSections.Storage}:Schema are required with Provider Postgres.");
            return 1;
        }

        try
        {
            var archived = PostgresEventIndex.ArchiveSchema(options.ConnectionString, options.Schema, time.GetUtcNow());
            using var fresh = PostgresEventIndex.Open(options.ConnectionString, options.Schema, clusterId: null, time);
            fresh.SetRebuildPending(true);
            output.WriteLine(archived.Length == 0
                ? $"No index in schema {options.Schema}; an empty index marked for rebuild was created. Start EventObserver to fill it from Kafka."
                : $"Renamed schema {options.Schema} to {archived}. Start EventObserver (every observer): it rebuilds the index from the earliest offsets Kafka still has.");
            return 0;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            error.WriteLine($"Could not rebuild the index in schema {options.Schema}: {e.Message}");
            return 1;
        }
    }
}
