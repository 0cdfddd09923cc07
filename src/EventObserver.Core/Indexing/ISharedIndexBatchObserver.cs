namespace EventObserver.Core.Indexing;

/// <summary>
/// A <see cref="ICommittedBatchObserver"/> that, on an index several observers share, is also told about the batches
/// the OTHER observers committed (read back from the index), so this instance shows every partition, not only those it
/// ingests. Those calls come from another thread than the writer's, possibly at the same time: implementations must be
/// thread-safe. Observers of this instance's own work (its ingestion rate, its metrics) do not implement it.
/// </summary>
public interface ISharedIndexBatchObserver : ICommittedBatchObserver;
