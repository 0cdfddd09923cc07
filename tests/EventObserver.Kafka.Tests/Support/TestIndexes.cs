using EventObserver.Storage.Index;
using EventObserver.TestSupport;

namespace EventObserver.Kafka.Tests.Support;

/// <summary>Opens the index ingestion writes to, in a per-test temp directory.</summary>
internal sealed class TestIndexes : IDisposable
{
    private readonly TempDirectory _directory = new("eventobserver-kafka");
    private readonly Dictionary<string, InMemoryEventIndex> _byCluster = [];

    public string IndexPath => _directory.File("index.db");

    /// <summary>Opens (or reopens after <see cref="Release"/>) the index of the cluster.</summary>
    public IEventIndex Open(string clusterId)
    {
        lock (_byCluster)
        {
            if (!_byCluster.TryGetValue(clusterId, out var index))
            {
                index = new InMemoryEventIndex(clusterId);
                _byCluster[clusterId] = index;
            }

            return index;
        }
    }

    /// <summary>Closes the open index so that the next <see cref="Open"/> reads the file afresh.</summary>
    public void Release()
    {
    }

    public void Dispose()
    {
        Release();
        _directory.Dispose();
    }
}
