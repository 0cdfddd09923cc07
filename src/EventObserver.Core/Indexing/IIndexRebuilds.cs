namespace EventObserver.Core.Indexing;

/// <summary>
/// The store's side of rebuilding the index from Kafka. An index that is being rebuilt is filled from the earliest
/// retained offsets whatever the configured start position says; the mark is kept in the index itself, so a restart in
/// the middle of a rebuild goes on rebuilding.
/// </summary>
public interface IIndexRebuilds
{
    /// <summary>Raised after the current index changed (opened, switched to another cluster, or replaced by a rebuild).</summary>
    event Action<IEventIndex>? Changed;

    /// <summary>True while <paramref name="index"/> is being rebuilt and has not yet caught up with Kafka.</summary>
    bool IsRebuilding(IEventIndex index);

    /// <summary>Clears the rebuild mark once ingestion reached every partition's target.</summary>
    void CompleteRebuild(IEventIndex index);

    /// <summary>Archives the current index, opens an empty one marked for rebuild and raises <see cref="Changed"/>.</summary>
    /// <param name="requestedBy">Who asked, for the log and the notice.</param>
    IndexSwitchNotice Rebuild(string requestedBy);
}
