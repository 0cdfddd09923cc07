using EventObserver.Core.Indexing;

namespace EventObserver.Storage.Tests.Contract;

/// <summary>
/// Base of the contract test classes: one engine per test (xunit creates the class per test), disposed after it, so
/// every test starts from empty stores. Contract tests see the index only through <see cref="IEventIndex"/>.
/// </summary>
public abstract class IndexContract : IDisposable
{
    protected IndexContract(IndexEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    protected IndexEngine Engine { get; }

    /// <summary>Closes <paramref name="index"/> and opens its store again, as a restart does.</summary>
    protected IEventIndex Reopen(IEventIndex index, string store = "default")
    {
        Engine.Close(index);
        return Engine.Open(store);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Engine.Dispose();
        }
    }
}
