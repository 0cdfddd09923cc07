using EventObserver.Core.Groups;

namespace EventObserver.Storage.Groups;

/// <summary>
/// Opens the lag history file on first use, not at start: with consumer groups turned off it is never created, and a
/// file that cannot be opened (a full or read-only disk) costs the sparklines, not the app's start. Thread-safe.
/// </summary>
public sealed class DeferredLagHistoryStore(string filePath) : ILagHistoryStore, IDisposable
{
    private readonly Lazy<LiteDbLagHistoryStore> _store = new(() => LiteDbLagHistoryStore.Open(filePath), LazyThreadSafetyMode.ExecutionAndPublication);

    public string FilePath => filePath;

    public void Append(DateTimeOffset at, IReadOnlyList<(string GroupId, LagSample Sample)> samples) => _store.Value.Append(at, samples);

    public IReadOnlyList<LagSample> Read(string groupId, DateTimeOffset since) => _store.Value.Read(groupId, since);

    public void Trim(DateTimeOffset before) => _store.Value.Trim(before);

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
    }
}
