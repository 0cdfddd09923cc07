using System.Globalization;

using EventObserver.TestSupport.Postgres;

using Npgsql;

namespace EventObserver.Benchmarks.Support;

/// <summary>
/// The PostgreSQL server a <c>--store postgres</c> run writes to: the one <c>EventObserver__Storage__ConnectionString</c>
/// names (as the app would be configured), else a throwaway server (TestSupport) started for the run and stopped at its
/// end. Each measurement takes a schema of its own and drops it afterwards, so a shared server is left as it was found.
/// </summary>
internal sealed class PostgresTarget : IDisposable
{
    public const string EnvironmentVariable = "EventObserver__Storage__ConnectionString";

    private readonly PostgresServer? _server;

    private PostgresTarget(string connectionString, PostgresServer? server, string description)
    {
        ConnectionString = connectionString;
        _server = server;
        Description = description;
    }

    public string ConnectionString { get; }

    /// <summary>Which server, without credentials, for stderr.</summary>
    public string Description { get; }

    /// <summary>
    /// WAL files the throwaway server holds ready for reuse before the first measurement (0 for a configured server,
    /// which is measured as it is).
    /// </summary>
    public long WalSegmentsWarmed { get; private set; }

    /// <summary>
    /// The configured server when the variable is set (no fallback then: a run measured on another server than the one
    /// asked for would be misleading), else a throwaway one. Null with <paramref name="error"/> when neither works.
    /// </summary>
    public static PostgresTarget? Open(out string error)
    {
        error = "";
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(configured);
                Ping(configured);
                return new PostgresTarget(configured, null, $"{EnvironmentVariable}: {builder.Host}:{builder.Port}/{builder.Database}");
            }
            catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
            {
                error = $"{EnvironmentVariable} is set but its server does not answer: {e.Message}";
                return null;
            }
        }

        if (PostgresServer.SkipReason is { } missing)
        {
            error = $"{EnvironmentVariable} is not set and no throwaway server can be started: {missing}";
            return null;
        }

        try
        {
            var server = PostgresServer.Start();
            var target = new PostgresTarget(server.AdminConnectionString, server, $"throwaway server on 127.0.0.1:{server.Port} (TestSupport PostgresServer, fsync off)");
            try
            {
                target.WalSegmentsWarmed = target.WarmWal();
            }
            catch
            {
                target.Dispose();
                throw;
            }

            return target;
        }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException or IOException or System.ComponentModel.Win32Exception)
        {
            error = $"{EnvironmentVariable} is not set and the throwaway server did not start: {e.Message}";
            return null;
        }
    }

    /// <summary>A schema name no other run uses (PostgresEventIndex creates it on open).</summary>
    public static string NewSchema(string purpose) =>
        string.Create(CultureInfo.InvariantCulture, $"bench_{purpose}_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..6]}");

    /// <summary>Table, index and TOAST bytes of every table in <paramref name="schema"/> (partitions included).</summary>
    public long SchemaBytes(string schema) => Scalar(
        """
        SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'
        """,
        schema);

    /// <summary>Rows in the events table and rows beyond the first at the same position (0 when exactly once).</summary>
    public (long Rows, long Duplicates) CountEvents(string schema)
    {
        using var connection = Connect();
        using var command = new NpgsqlCommand(
            $"""SELECT count(*), count(*) - count(DISTINCT (topic, partition, "offset")) FROM "{schema}".events""", connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Events the checkpoints count (written with each batch): cheap enough to poll while ingestion runs.</summary>
    public long CheckpointCount(string schema) =>
        Scalar($"""SELECT coalesce(sum(event_count), 0)::bigint FROM "{schema}".checkpoints""");

    public void DropSchema(string schema)
    {
        try
        {
            Scalar($"""DROP SCHEMA IF EXISTS "{schema}" CASCADE""");
        }
        catch (NpgsqlException e)
        {
            Console.Error.WriteLine($"[postgres] schema {schema} was not dropped: {e.Message}");
        }
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        _server?.Dispose();
    }

    /// <summary>
    /// Brings a freshly initialised server to the state of one that has been running: its WAL files written once and
    /// kept for reuse. A new server creates every WAL file as it goes: the first ingest run (~550 MB of WAL) cost it
    /// 11.9 s of CPU where later runs on the same server took 6.1-6.6 s, at 16,392 and 18,723 events/s against
    /// 24,459-32,507/s (docs/scaling.md, "Run to run"). Two rounds of 1 GB of WAL (logical messages: no table grows)
    /// and a checkpoint each leave WAL files ready for reuse (34-35 here); about two seconds.
    /// </summary>
    private long WarmWal()
    {
        for (var round = 0; round < 2; round++)
        {
            Scalar("SELECT count(pg_logical_emit_message(false, 'eventobserver-bench-warm-up', repeat('x', 1048576)))::bigint FROM generate_series(1, 1024)");
            Scalar("CHECKPOINT");
        }

        return Scalar("SELECT count(*) FROM pg_ls_waldir()");
    }

    private static void Ping(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
    }

    private NpgsqlConnection Connect()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private long Scalar(string sql, params object[] parameters)
    {
        using var connection = Connect();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command.ExecuteScalar() is long result ? result : 0;
    }
}
