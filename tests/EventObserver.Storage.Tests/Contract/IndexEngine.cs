using EventObserver.Core.Indexing;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>
/// One storage engine under the index contract suite (LiteDB, PostgreSQL). A contract test class takes its engine in its
/// constructor and disposes it at the end, which closes every index it opened and deletes their stores.
/// </summary>
public abstract class IndexEngine : IDisposable
{
    /// <summary>Shown in test output: "LiteDb", "Postgres".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Opens the store called <paramref name="store"/>: empty the first time, the same data when opened again after
    /// <see cref="Close"/> (as after a restart). Each engine instance has its own stores, so tests stay parallel-safe.
    /// </summary>
    public abstract IEventIndex Open(string store = "default", TimeProvider? time = null);

    /// <summary>Closes an index opened by <see cref="Open"/> (its store is kept until the engine is disposed).</summary>
    public abstract void Close(IEventIndex index);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes every index still open and deletes the stores.</summary>
    protected abstract void Dispose(bool disposing);
}
