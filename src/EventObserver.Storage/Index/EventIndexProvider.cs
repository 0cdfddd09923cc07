namespace EventObserver.Storage.Index;

/// <summary>
/// Owns the one open <see cref="IEventIndex"/> (one LiteDatabase per file per process).
/// The index belongs to one cluster: when ingestion learns the cluster id and it differs from the
/// file's, the old file is archived and a fresh index started, so offsets of two clusters never mix.
/// </summary>
public sealed class EventIndexProvider : IDisposable
{
    // CONTRACT STUB: the Storage work implements this.

    /// <summary>The open index, or null before the cluster id is known and no earlier index exists.</summary>
    public IEventIndex? Current => null;

    /// <summary>Set when the last switch archived an index of another cluster; shown in the UI.</summary>
    public IndexSwitchNotice? LastSwitch => null;

    /// <summary>Raised after <see cref="Current"/> changes.</summary>
    public event Action<IEventIndex>? IndexChanged;

    /// <summary>Returns the index for <paramref name="clusterId"/>, archiving an index of another cluster.</summary>
    public IEventIndex OpenForCluster(string clusterId)
    {
        IndexChanged?.Invoke(null!);
        throw new NotImplementedException(clusterId);
    }

    public void Dispose()
    {
    }
}
