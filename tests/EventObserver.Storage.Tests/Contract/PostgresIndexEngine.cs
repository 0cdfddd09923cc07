using EventObserver.Core.Indexing;
using EventObserver.Storage.Postgres.Index;
using EventObserver.TestSupport.Postgres;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>
/// The PostgreSQL index under the contract suite: each engine instance has a database of its own on the shared
/// throwaway server (<see cref="PostgresServer.Shared"/>), each store name one schema in it. The database is dropped
/// when the engine is disposed. A contract class for Postgres declares
/// <c>public static string? EngineSkipReason =&gt; PostgresIndexEngine.SkipReason;</c>.
/// </summary>
public sealed class PostgresIndexEngine : IndexEngine
{
    private readonly Lock _gate = new();
    private readonly List<PostgresEventIndex> _open = [];
    private string? _connectionString;

    /// <summary>Why the engine cannot run here (no PostgreSQL binaries); null when it can.</summary>
    public static string? SkipReason => PostgresServer.SkipReason;

    public override string Name => "Postgres";

    public override IEventIndex Open(string store = "default", TimeProvider? time = null)
    {
        var schema = SchemaFor(store);
        string connectionString;
        lock (_gate)
        {
            // Created on first use, so an engine that is never opened (a skipped test) starts no server.
            connectionString = _connectionString ??= PostgresServer.Shared.CreateDatabase();
        }

        var index = PostgresEventIndex.Open(connectionString, schema, clusterId: null, time);
        lock (_gate)
        {
            _open.Add(index);
        }

        return index;
    }

    public override void Close(IEventIndex index)
    {
        var postgres = (PostgresEventIndex)index;
        lock (_gate)
        {
            _open.Remove(postgres);
        }

        postgres.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        List<PostgresEventIndex> open;
        string? connectionString;
        lock (_gate)
        {
            open = [.. _open];
            _open.Clear();
            connectionString = _connectionString;
        }

        open.ForEach(index => index.Dispose());
        if (connectionString is not null)
        {
            PostgresServer.Shared.DropDatabase(connectionString);
        }
    }

    /// <summary>A store name as a schema of its own: lower-case letters, digits and underscores only.</summary>
    private static string SchemaFor(string store)
    {
        if (string.IsNullOrWhiteSpace(store) || !store.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') || store.Length > 30)
        {
            throw new ArgumentException($"'{store}' is not a plain store name", nameof(store));
        }

        return "s_" + store.ToLowerInvariant().Replace('-', '_');
    }
}
