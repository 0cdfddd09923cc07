using System.Diagnostics.CodeAnalysis;

using EventObserver.Core.Indexing;
using EventObserver.Storage.Postgres.Index;

namespace EventObserver.Benchmarks.Support;

/// <summary>
/// One observer's index on a PostgreSQL schema, opened when ingestion asks for its cluster (as the app's store does), so
/// the schema is stamped with the real cluster id. Each observer owns one: several of them on one schema are what
/// <c>--observers N</c> measures.
/// </summary>
internal sealed class PostgresIndexes(string connectionString, string schema) : ICurrentIndex, IDisposable
{
    private readonly Lock _sync = new();
    private PostgresEventIndex? _index;

    public IndexSwitchNotice? LastSwitch => null;

    public event Action<IEventIndex>? Changed
    {
        add { }
        remove { }
    }

    public bool TryGet([NotNullWhen(true)] out IEventIndex? index)
    {
        index = _index;
        return index is not null;
    }

    public IEventIndex OpenForCluster(string clusterId)
    {
        lock (_sync)
        {
            return _index ??= PostgresEventIndex.Open(connectionString, schema, clusterId);
        }
    }

    public void Dispose() => _index?.Dispose();
}
