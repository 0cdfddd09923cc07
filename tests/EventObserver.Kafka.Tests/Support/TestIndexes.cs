using EventObserver.Core.Indexing;
using EventObserver.Storage.Configuration;
using EventObserver.Storage.Index;
using EventObserver.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventObserver.Kafka.Tests.Support;

/// <summary>The real LiteDB index (through <see cref="EventIndexProvider"/>) in a per-test temp directory.</summary>
internal sealed class TestIndexes : IDisposable
{
    private readonly TempDirectory _directory = new("eventobserver-kafka");
    private readonly Lock _gate = new();
    private EventIndexProvider? _provider;

    /// <summary>False: chunks are written plain, so a test can search the file's bytes for a value.</summary>
    public bool CompressChunks { get; init; } = true;

    public string IndexPath => _directory.File("index.db");

    /// <summary>The provider (created, and an existing file opened, on first use); its rebuild side for the harness.</summary>
    public EventIndexProvider Provider
    {
        get
        {
            lock (_gate)
            {
                return _provider ??= new EventIndexProvider(
                    Options.Create(new StorageOptions { Path = IndexPath, MaxEvents = null, MaxAge = null, CompressChunks = CompressChunks }),
                    NullLogger<EventIndexProvider>.Instance,
                    TimeProvider.System);
            }
        }
    }

    /// <summary>Opens the index of the cluster (the same instance while the provider lives).</summary>
    public IEventIndex Open(string clusterId) => Provider.OpenForCluster(clusterId);

    /// <summary>Closes the file, as a process exit would; the next <see cref="Open"/> reads it afresh.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _provider?.Dispose();
            _provider = null;
        }
    }

    public void Dispose()
    {
        Release();
        _directory.Dispose();
    }
}
