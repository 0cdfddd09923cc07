using EventObserver.Core.Envelopes;
using EventObserver.Core.Graphs;
using EventObserver.Core.Indexing;
using EventObserver.Storage.Postgres.Lineage;
using EventObserver.Storage.Postgres.Rows;
using EventObserver.Storage.Postgres.Schema;

using Npgsql;

namespace EventObserver.Storage.Postgres.Index;

/// <summary>
/// The event index of one cluster in one PostgreSQL schema: events in a table partitioned by day, B-tree indexes for
/// the lookups, a trigram index as the free-text pre-filter, per-partition checkpoints (with the partition's figures)
/// written in the transaction that writes the events. Nothing is cached in memory but the list of day partitions, so
/// several observers can share one schema. One writer per instance, any number of readers; thread-safe.
/// </summary>
public sealed partial class PostgresEventIndex : IEventIndex, IDisposable
{
    public const string DefaultSchema = "eventobserver";

    /// <summary>The sessions' <c>application_name</c> unless the connection string names one.</summary>
    public const string DefaultApplicationName = "EventObserver";

    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _time;
    private readonly DailyPartitions _days;
    private readonly Lock _writeLock = new();
    private int _disposed;

    private PostgresEventIndex(NpgsqlDataSource source, string schema, string description, string applicationName, SchemaOpening opening, TimeProvider time)
    {
        _source = source;
        _time = time;
        Schema = schema;
        FilePath = description;
        ApplicationName = applicationName;
        ClusterId = opening.ClusterId;
        ArchivedTo = opening.ArchivedTo;
        MigrationsApplied = opening.Applied;
        _days = new DailyPartitions(source);
        Lineage = new PostgresLineageSource(this);
    }

    public string ClusterId { get; }

    /// <summary>Where the index is kept, without credentials: <c>postgres://host:port/database (schema name)</c>.</summary>
    public string FilePath { get; }

    public string Schema { get; }

    /// <summary>The <c>application_name</c> of this index's sessions.</summary>
    public string ApplicationName { get; }

    /// <summary>The schema another cluster's index was renamed to when this one was opened; null when none was.</summary>
    public string? ArchivedTo { get; }

    /// <summary>How many schema migrations opening applied (0 when the schema was current).</summary>
    public int MigrationsApplied { get; }

    public ILineageSource Lineage { get; }

    /// <summary>Test seam: runs inside the write transaction, just before commit.</summary>
    internal Action? BeforeCommit { get; set; }

    internal NpgsqlDataSource Source => _source;

    /// <summary>
    /// Opens (creating and migrating as needed) the index in <paramref name="schema"/> of the database
    /// <paramref name="connectionString"/> names. A schema holding another cluster's index is archived
    /// (<see cref="ArchivedTo"/>) and a fresh one created; a null <paramref name="clusterId"/> opens whatever is there.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string (its search path is replaced).</param>
    /// <param name="schema">Lower-case letters, digits and underscores.</param>
    /// <param name="clusterId">The Kafka cluster whose index this is.</param>
    /// <param name="time">The clock day partitions are created by; the system's when null.</param>
    public static PostgresEventIndex Open(string connectionString, string schema = DefaultSchema, string? clusterId = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(schema);
        if (!SchemaMigrator.IsValidName(schema))
        {
            throw new ArgumentException($"'{schema}' is not a usable schema name: use lower-case letters, digits and underscores.", nameof(schema));
        }

        time ??= TimeProvider.System;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.SearchPath = $"{schema},public";

        // COPY streams a batch of megabytes: bigger buffers mean fewer socket writes (8 KiB by default).
        if (!builder.ConnectionStringBuilder.ContainsKey("Write Buffer Size"))
        {
            builder.ConnectionStringBuilder.WriteBufferSize = 64 * 1024;
        }

        // Names the sessions, so a claim stuck behind a frozen observer terminates observer sessions only.
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = DefaultApplicationName;
        }

        var settings = builder.ConnectionStringBuilder;
        var description = $"postgres://{settings.Host}:{settings.Port}/{settings.Database} (schema {schema})";
        var source = builder.Build();
        try
        {
            SchemaOpening opening;
            using (var connection = source.OpenConnection())
            {
                opening = SchemaMigrator.Open(connection, schema, clusterId, time.GetUtcNow());
            }

            var index = new PostgresEventIndex(source, schema, description, settings.ApplicationName!, opening, time);
            index._days.List();
            index._days.CreateAhead(time.GetUtcNow());
            return index;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="schema"/> can hold an index: lower-case letters, digits and underscores, at most 41.</summary>
    public static bool IsUsableSchemaName(string? schema) => schema is not null && SchemaMigrator.IsValidName(schema);

    public IReadOnlyDictionary<TopicPartitionKey, long> GetCheckpoints()
    {
        var checkpoints = new Dictionary<TopicPartitionKey, long>();
        using var connection = OpenConnection();
        using var command = new NpgsqlCommand("SELECT topic, partition, next_offset FROM checkpoints", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            checkpoints[new TopicPartitionKey(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
        }

        return checkpoints;
    }

    public EventEnvelope? Get(string topic, int partition, long offset)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return ReadEvents(
            $"SELECT {EventRows.Columns} FROM events WHERE topic = $1 AND partition = $2 AND \"offset\" = $3 LIMIT 1",
            [topic, partition, offset]).FirstOrDefault();
    }

    // Under the write lock: a batch being written when the index is closed finishes first, instead of failing half-way.
    public void Dispose()
    {
        lock (_writeLock)
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _source.Dispose();
            }
        }
    }

    internal NpgsqlConnection OpenConnection()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        return _source.OpenConnection();
    }

    /// <summary>Runs a query selecting <see cref="EventRows.Columns"/> and reads every row.</summary>
    internal List<EventEnvelope> ReadEvents(string sql, IEnumerable<object> parameters)
    {
        using var connection = OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return ReadAll(command);
    }

    internal static List<EventEnvelope> ReadAll(NpgsqlCommand command)
    {
        var events = new List<EventEnvelope>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            events.Add(EventRows.Read(reader));
        }

        return events;
    }

    internal long ScalarLong(string sql, params object[] parameters)
    {
        using var connection = OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command.ExecuteScalar() is { } result and not DBNull ? Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
