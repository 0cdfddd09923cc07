using EventObserver.Core.Envelopes;

namespace EventObserver.Core.Indexing;

/// <summary>
/// Told about each batch after the transaction that stored it committed (the live feed, the ingestion rates), so
/// whatever it shows can always be read back from the index. Registered in DI; the writer calls every observer in
/// registration order, on its one thread, one batch at a time and in commit order. Must be quick and must not block:
/// the next batch waits for it. A throwing observer is logged and skipped; the batch stays committed.
/// </summary>
public interface ICommittedBatchObserver
{
    /// <summary>
    /// <paramref name="batch"/> is every envelope of the committed batch, including any the index already held.
    /// The list is not changed afterwards; an observer may keep it.
    /// </summary>
    void OnCommitted(IReadOnlyList<EventEnvelope> batch);
}
