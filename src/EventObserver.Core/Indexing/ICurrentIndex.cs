using System.Diagnostics.CodeAnalysis;

namespace EventObserver.Core.Indexing;

/// <summary>
/// The one open index of the process. An index belongs to one cluster: when ingestion connects to another cluster
/// the store archives the old index and opens a new one, so callers ask for the current index each time instead of
/// keeping one.
/// </summary>
public interface ICurrentIndex
{
    /// <summary>Set when the last switch archived an index (another cluster's, or an unreadable file); shown in the UI.</summary>
    IndexSwitchNotice? LastSwitch { get; }

    /// <summary>Raised after the current index changed (opened, or switched to another cluster).</summary>
    event Action<IEventIndex>? Changed;

    /// <summary>
    /// The open index; false before the cluster id is known and no earlier index exists. An index taken here can be
    /// archived by a switch while it is read: its reads then throw <see cref="ObjectDisposedException"/>.
    /// </summary>
    bool TryGet([NotNullWhen(true)] out IEventIndex? index);

    /// <summary>For ingestion: the index of <paramref name="clusterId"/>, archiving an index of another cluster.</summary>
    IEventIndex OpenForCluster(string clusterId);
}
