using EventObserver.Core.Graphs;

namespace EventObserver.Core.Indexing;

/// <summary>
/// The persistent event index of one cluster: every port a storage engine implements, as one object
/// (<see cref="ICurrentIndex"/> hands it out). Synchronous, like LiteDB. Thread-safe: one writer (ingestion) and many
/// readers (UI, API). Its lifetime belongs to the store that opened it: callers never dispose it.
/// </summary>
public interface IEventIndex : IEventWriter, ICheckpointStore, IEventReader, IIndexStatisticsSource, IEventRetention
{
    /// <summary>The cluster this index belongs to.</summary>
    string ClusterId { get; }

    /// <summary>Where the index is kept (for LiteDB, its file); for logs and the status page.</summary>
    string FilePath { get; }

    /// <summary>Lineage lookups over this index, for <see cref="LineageGraphBuilder"/>.</summary>
    ILineageSource Lineage { get; }
}
