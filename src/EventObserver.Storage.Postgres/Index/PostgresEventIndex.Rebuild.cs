using EventObserver.Storage.Postgres.Schema;

using Npgsql;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>The rebuild mark (kept in the schema, so a restart in the middle of a rebuild goes on rebuilding).</summary>
public sealed partial class PostgresEventIndex
{
    private const string RebuildKey = "rebuild_pending";

    /// <summary>True while the index is being rebuilt from Kafka.</summary>
    public bool RebuildPending
    {
        get
        {
            using var connection = OpenConnection();
            using var command = new NpgsqlCommand($"SELECT value FROM eo_meta WHERE key = '{RebuildKey}'", connection);
            return command.ExecuteScalar() is "true";
        }
    }

    public void SetRebuildPending(bool pending)
    {
        using var connection = OpenConnection();
        using var command = new NpgsqlCommand(
            pending
                ? $"INSERT INTO eo_meta (key, value) VALUES ('{RebuildKey}', 'true') ON CONFLICT (key) DO UPDATE SET value = 'true'"
                : $"DELETE FROM eo_meta WHERE key = '{RebuildKey}'",
            connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Renames the schema holding an index aside (see <see cref="SchemaMigrator.Archive"/>); returns its new name.</summary>
    public static string ArchiveSchema(string connectionString, string schema, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return SchemaMigrator.Archive(connection, schema, now);
    }
}
