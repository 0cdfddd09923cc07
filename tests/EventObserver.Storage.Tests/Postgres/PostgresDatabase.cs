using EventObserver.Storage.Postgres.Index;
using EventObserver.TestSupport.Postgres;

using Npgsql;

namespace EventObserver.Storage.Tests.Postgres;

/// <summary>A fresh database on the shared server for one test, and the indexes it opens there (closed on dispose).</summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly List<PostgresEventIndex> _opened = [];

    public PostgresDatabase(PostgresFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ConnectionString = PostgresServer.SkipReason is null ? fixture.Server.CreateDatabase() : string.Empty;
    }

    public string ConnectionString { get; }

    public PostgresEventIndex Open(string schema = PostgresEventIndex.DefaultSchema, string? clusterId = "cluster-a", TimeProvider? time = null)
    {
        var index = PostgresEventIndex.Open(ConnectionString, schema, clusterId, time);
        lock (_opened)
        {
            _opened.Add(index);
        }

        return index;
    }

    /// <summary>Runs a query on the database directly (what the catalog holds, row counts).</summary>
    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        _opened.ForEach(i => i.Dispose());
        if (ConnectionString.Length > 0)
        {
            PostgresServer.Shared.DropDatabase(ConnectionString);
        }
    }
}
