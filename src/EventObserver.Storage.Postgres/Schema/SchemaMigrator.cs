using System.Globalization;
using System.Text.RegularExpressions;

using Npgsql;

namespace EventObserver.Storage.Postgres.Schema;

/// <summary>
/// Creates and migrates the index schema on open: the versioned scripts embedded as <c>Schema/Migrations/NNN_name.sql</c>
/// run in order, each once (recorded in <c>eo_schema_version</c>), all in one transaction under an advisory lock so
/// several observers starting together migrate once. One schema holds one cluster's index: when another cluster's id
/// arrives, the schema is renamed to <c>&lt;schema&gt;_archive_&lt;yyyyMMddHHmmss&gt;</c> (like LiteDB's archive folder) and a
/// fresh one is created.
/// </summary>
internal static partial class SchemaMigrator
{
    /// <summary>The advisory lock every migration holds: "EOSCHEMA" in ASCII.</summary>
    private const long LockKey = 0x454F_5343_4845_4D41;
    private const string ClusterKey = "cluster_id";

    private static readonly Lazy<IReadOnlyList<Migration>> s_migrations = new(Load);

    /// <summary>The embedded migrations, oldest first.</summary>
    public static IReadOnlyList<Migration> Migrations => s_migrations.Value;

    /// <summary>
    /// Migrates <paramref name="schema"/> and stamps <paramref name="clusterId"/>; a schema stamped with another cluster
    /// id is archived first. A null <paramref name="clusterId"/> opens whatever is there (tools, tests).
    /// </summary>
    public static SchemaOpening Open(NpgsqlConnection connection, string schema, string? clusterId, DateTimeOffset now)
    {
        RequireUtf8(connection);
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({LockKey})");

        // The trigram operators live in public, so an archived schema never takes them along.
        Execute(connection, "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public");
        Prepare(connection, schema);
        var stamped = ReadClusterId(connection);
        string? archivedTo = null;
        if (clusterId is not null && stamped is not null && !string.Equals(stamped, clusterId, StringComparison.Ordinal))
        {
            archivedTo = FreeArchiveName(connection, schema, now);
            Execute(connection, $"ALTER SCHEMA {Quote(schema)} RENAME TO {Quote(archivedTo)}");
            Prepare(connection, schema);
            stamped = null;
        }

        var applied = ApplyMissing(connection);
        if (stamped is null && clusterId is not null)
        {
            using var stamp = new NpgsqlCommand("INSERT INTO eo_meta (key, value) VALUES ($1, $2)", connection);
            stamp.Parameters.Add(new() { Value = ClusterKey });
            stamp.Parameters.Add(new() { Value = clusterId });
            stamp.ExecuteNonQuery();
            stamped = clusterId;
        }

        transaction.Commit();
        return new SchemaOpening(stamped ?? string.Empty, archivedTo, applied);
    }

    /// <summary>Whether a schema name is one we accept: lower-case letters, digits and underscores, as PostgreSQL folds names.</summary>
    public static bool IsValidName(string schema) => ValidName().IsMatch(schema);

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Prepare(NpgsqlConnection connection, string schema)
    {
        Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {Quote(schema)}");
        Execute(connection, $"SET LOCAL search_path TO {Quote(schema)}, public");
        Execute(connection, "CREATE TABLE IF NOT EXISTS eo_schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
    }

    /// <summary>
    /// Refuses a database whose encoding cannot hold every text the index stores (keys, ids, header values, payloads
    /// kept as text): in LATIN1, say, the first event with another character would fail its batch on every retry.
    /// SQL_ASCII stores the bytes unchecked and gives them back as they were, so it does.
    /// </summary>
    private static void RequireUtf8(NpgsqlConnection connection)
    {
        using var read = new NpgsqlCommand("SHOW server_encoding", connection);
        var encoding = read.ExecuteScalar() as string;
        if (encoding is not ("UTF8" or "SQL_ASCII"))
        {
            throw new InvalidOperationException(
                $"The database {connection.Database} has the encoding {encoding}; the index stores text as UTF-8 and needs a UTF8 database "
                + $"(CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0). Set EventObserver:Storage:ConnectionString to one.");
        }
    }

    private static string? ReadClusterId(NpgsqlConnection connection)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass('eo_meta') IS NOT NULL", connection);
        if (exists.ExecuteScalar() is not true)
        {
            return null;
        }

        using var read = new NpgsqlCommand($"SELECT value FROM eo_meta WHERE key = '{ClusterKey}'", connection);
        return read.ExecuteScalar() as string;
    }

    /// <summary>
    /// Renames <paramref name="schema"/> to a free <c>&lt;schema&gt;_archive_&lt;time&gt;</c> (a rebuild keeps the old index
    /// beside the new one, as LiteDB's archive folder does); returns the new name, or an empty string when there was none.
    /// </summary>
    public static string Archive(NpgsqlConnection connection, string schema, DateTimeOffset now)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({LockKey})");
        using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", connection);
        exists.Parameters.Add(new() { Value = schema });
        if (exists.ExecuteScalar() is not true)
        {
            return string.Empty;
        }

        var archivedTo = FreeArchiveName(connection, schema, now);
        Execute(connection, $"ALTER SCHEMA {Quote(schema)} RENAME TO {Quote(archivedTo)}");
        transaction.Commit();
        return archivedTo;
    }

    private static int ApplyMissing(NpgsqlConnection connection)
    {
        var done = new HashSet<int>();
        using (var read = new NpgsqlCommand("SELECT version FROM eo_schema_version", connection))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                done.Add(reader.GetInt32(0));
            }
        }

        var applied = 0;
        foreach (var migration in Migrations.Where(m => !done.Contains(m.Version)))
        {
            Execute(connection, migration.Sql);
            using var record = new NpgsqlCommand("INSERT INTO eo_schema_version (version, name) VALUES ($1, $2)", connection);
            record.Parameters.Add(new() { Value = migration.Version });
            record.Parameters.Add(new() { Value = migration.Name });
            record.ExecuteNonQuery();
            applied++;
        }

        return applied;
    }

    private static string FreeArchiveName(NpgsqlConnection connection, string schema, DateTimeOffset now)
    {
        var name = $"{schema}_archive_{now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        for (var n = 2; ; n++)
        {
            using var taken = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", connection);
            taken.Parameters.Add(new() { Value = name });
            if (taken.ExecuteScalar() is not true)
            {
                return name;
            }

            name = $"{schema}_archive_{now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}_{n}";
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static List<Migration> Load()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    [GeneratedRegex(@"^Migrations\.(\d{3})_([a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,40}$")]
    private static partial Regex ValidName();
}
